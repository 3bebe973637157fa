<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>kforge::ui::AboutDialog</name>
    <message>
        <source>About KernelForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KernelForge is a workbench for optimizing compute kernels. In an optimization session it grows a tree of candidate kernels for one task, compiles each candidate, checks its results against a reference implementation and times it on the CPU or on a CUDA or ROCm/HIP device, so that you keep only kernels that are both correct and faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIT License</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit KernelForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About KernelForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version, build and license of KernelForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and license of the Qt toolkit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::WelcomePage</name>
    <message>
        <source>Welcome to KernelForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workbench for making compute kernels faster without making them wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KernelForge is built around optimization sessions. A session takes one task, such as adding two vectors or multiplying two matrices, and grows a tree of candidate kernels for it. Every candidate is compiled, checked against a reference implementation and timed on the CPU or on a CUDA or ROCm/HIP device, so that you can compare the candidates side by side and keep the best one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is version %1, the first version of the desktop application. It cannot create or open sessions yet: sessions arrive with the next version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
