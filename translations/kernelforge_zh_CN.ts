<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>kforge::ui::AboutDialog</name>
    <message>
        <source>About KernelForge</source>
        <translation>关于 KernelForge</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>KernelForge is a workbench for optimizing compute kernels. In an optimization session it grows a tree of candidate kernels for one task, compiles each candidate, checks its results against a reference implementation and times it on the CPU or on a CUDA or ROCm/HIP device, so that you keep only kernels that are both correct and faster.</source>
        <translation>KernelForge 是一款用于优化计算内核的工作台。在优化会话中，它针对一个任务逐步生成一棵候选内核树，编译每个候选内核，将其结果与参考实现进行核对，并在 CPU 或 CUDA、ROCm/HIP 设备上测量耗时，确保你最终保留的内核既正确又更快。</translation>
    </message>
    <message>
        <source>Build date:</source>
        <translation>构建日期：</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Qt 版本：</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>Compiler:</source>
        <translation>编译器：</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>MIT License</source>
        <translation>MIT 许可证</translation>
    </message>
</context>
<context>
    <name>kforge::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit KernelForge</source>
        <translation>退出 KernelForge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About KernelForge</source>
        <translation>关于 KernelForge(&amp;A)</translation>
    </message>
    <message>
        <source>Show the version, build and license of KernelForge</source>
        <translation>显示 KernelForge 的版本、构建信息和许可证</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Show the version and license of the Qt toolkit</source>
        <translation>显示 Qt 工具包的版本和许可证</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
</context>
<context>
    <name>kforge::ui::WelcomePage</name>
    <message>
        <source>Welcome to KernelForge</source>
        <translation>欢迎使用 KernelForge</translation>
    </message>
    <message>
        <source>A workbench for making compute kernels faster without making them wrong</source>
        <translation>在保证结果正确的前提下，让计算内核跑得更快的工作台</translation>
    </message>
    <message>
        <source>KernelForge is built around optimization sessions. A session takes one task, such as adding two vectors or multiplying two matrices, and grows a tree of candidate kernels for it. Every candidate is compiled, checked against a reference implementation and timed on the CPU or on a CUDA or ROCm/HIP device, so that you can compare the candidates side by side and keep the best one.</source>
        <translation>KernelForge 以优化会话为核心。一个会话针对一个任务（例如两个向量相加或两个矩阵相乘），逐步生成一棵候选内核树。每个候选内核都会经过编译，与参考实现进行比对，并在 CPU 或 CUDA、ROCm/HIP 设备上计时，方便你并排比较各个候选内核，保留最好的那一个。</translation>
    </message>
    <message>
        <source>About this version</source>
        <translation>关于此版本</translation>
    </message>
    <message>
        <source>This is version %1, the first version of the desktop application. It cannot create or open sessions yet: sessions arrive with the next version.</source>
        <translation>这是版本 %1，桌面应用程序的首个版本。目前还不能创建或打开会话，该功能将在下一版本推出。</translation>
    </message>
</context>
</TS>
