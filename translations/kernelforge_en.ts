<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Phrase</name>
    <message>
        <source>median %1 ms is below %2% of the physical floor %3 ms (compute-bound at %4 TFLOP/s): not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median %1 ms is below %2% of the physical floor %3 ms (memory-bound at %4 GB/s, %5): not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last-level cache&apos;s, the bytes fit in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAM copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 during &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner&apos;s answer does not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration %1 breaks @constraint %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed calls: %1, each on fresh poison and inputs rotated over %2; %3 verified (%4 on patched inputs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
  not done: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner was gone before the request (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no progress for %1 s; the runner was killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner died: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (stderr: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot load the compiled candidate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the candidate does not export kf_run (declare it with KF_EXPORT, see kf_abi.h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: kf_run returned %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: launch failed%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the candidate changed %2 it was given; kf_run must leave its kf_call as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: out-of-bounds write: %2 of the %3 bytes right after output &apos;%4&apos; were overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: output &apos;%2&apos; changed after kf_run had returned and its stream was done: all work must be finished, or queued on call-&gt;stream, when kf_run returns (no other stream, no background thread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference, seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, seed %2, run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, seed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elements never written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two runs on the same inputs differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mismatches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warm-up run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profiled run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed under %1: the times include the tool&apos;s work, and work left running after a call is not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one input set: a second seed&apos;s inputs do not fit beside the first within the runner&apos;s snapshot budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one input set: the request has one seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inputs not patched: the PyTorch reference judged, and its outputs exist only for the seeds it ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inputs not patched: no input is random floating-point data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed call %1 (seed %2, input &apos;%3&apos; patched at %4 elements)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed call %1 (seed %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference on the patched inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, mismatches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warm-up call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the timed calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 timed calls left work running on the device after the stream passed in was done (median %3 more): launch only on call-&gt;stream (not another stream, not the legacy default stream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: output &apos;%2&apos;, seed %3: %4 of %5 elements; first at index %6 (expected %7, got %8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (atol %2, rtol %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: input &apos;%2&apos; is not what it was before the call: a candidate must not write its inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not every workload has a measured PyTorch baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedups are against the task&apos;s %1, not PyTorch: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1: %2 was lost (%3); measured again elsewhere; the runner cannot start again: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1: %2 was lost (%3); measured again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resuming %1 evaluations left in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tuning cache: %1; the session goes on without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tuning cache: %1 entries of this source were measured on another device or toolchain and are not used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tuning cache: the tuner starts from %1 measured before on %2 with %3 (first: %4, the fastest on %5 of %6 workloads; `kforge cache list` shows them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 configurations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has the unknown tag &apos;%2&apos; (known: %3, any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; lists no tag (use &apos;any&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tag kind &apos;%1&apos; (devices, op_types, bottlenecks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a guide starts with a &apos;---&apos; line and its tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;key: value&apos; in the front matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown front-matter key &apos;%1&apos; (title, devices, op_types, bottlenecks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the front matter never closes with &apos;---&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the front matter lacks &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guide has no &apos;## &apos; section with text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the knowledge directory does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runners are chosen before the first one starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no runner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown backend &apos;%1&apos; (cpu, cuda, hip or auto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kforge.native has no &apos;%1&apos; entry and there is no PyTorch reference, so %2 cannot run on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no workload runs on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 device: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workload %1 needs %2 for its tensors, but %3 has %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s %1 does not compile: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the candidate source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown reference &apos;%1&apos; (auto, native or torch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task has no native reference for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the definition has no PyTorch reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch baselines are not measured with a runner on another host (%1) yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PyTorch reference must judge, but %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: torch %2 sees no GPU (a CPU-only build?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PyTorch reference must judge on %1, but %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner could not write the inputs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it wrote no outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PyTorch reference failed on workload %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal: measureTorch must run before measureBaseline for a task judged by PyTorch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s PyTorch reference (eager) failed on %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s %1 failed on this device (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown task &apos;%1&apos;: neither a built-in task (see `kforge tasks`) nor an existing path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: tensor &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no longer in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its dtype or shape changed since the task was loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be written (staging %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown export format &apos;%1&apos; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format %1 cannot export a %2 session: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists and is not an empty directory; choose another --out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export produced a bad or repeated path &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1 has no workload %2 any more (its files changed since the session ran)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 has no node %2 (see kforge show %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 node %2 is %3, not PASSED: only a verified kernel is exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 has no PASSED node to export yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 node %2 has no stored measurements to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1: shape names an unknown axis %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1: axis %2 appears in no input&apos;s shape, so an op cannot read it from its arguments; this task cannot be exported as a torch op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1 has no inputs; it cannot be exported as a torch op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export template: no value for @%1@</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: the environment variable %2 that should hold its key is not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret-tool is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: no key in the OS keychain (secret-tool lookup service kernelforge provider %2: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: an empty key cannot be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: the keychain refused the key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: the keychain entry could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; has the wrong type (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a provider is a JSON object, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (provider &apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a provider needs a &apos;name&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;api&apos; is &apos;%2&apos;; it must be &apos;openai&apos; or &apos;anthropic&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: keys are not kept in this file; name an environment variable in &apos;key_env&apos; or use the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be at least %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;base_url&apos; must start with http:// or https:// (it is &apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: timeouts must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: prices cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected {&quot;providers&quot;: [...]}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: two providers are called &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no LLM provider called &apos;%1&apos; in %2 (it lists none; see docs/llm.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no LLM provider called &apos;%1&apos; in %2 (it has: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: a configuration line reads &quot;// -D NAME=VALUE&quot;, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no native %2 sources to start from: give the first candidate with --from FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the files of task &apos;%1&apos; (%2) changed since session %3 started, so its measurements no longer compare: start a new session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 was measured on %2, but this machine&apos;s %3 device is %4: its baseline does not hold here (inspect it with `kforge show`, or start a new session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 has no node %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1 is %2: only a candidate that passed is profiled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1 is %2: only a candidate that passed is measured again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1 already has this source and configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine has no session: create() or open() one first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the session&apos;s LLM agent cannot run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every runner was lost (the last: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a generator needs a name to be registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a generator named &apos;%1&apos; is registered already (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generator &apos;%1&apos; has no factory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none are registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown generator &apos;%2&apos; (known: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name a task to optimize: a built-in task or a task directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 optimizes %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session was created or opened yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no knowledge note %1 (see `kforge knowledge list`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the workspace was written by a newer KernelForge (schema %2; this one knows up to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a KernelForge session file (its &quot;format&quot; is not &quot;kernelforge-session&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session file version %1 is not one this KernelForge reads (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source %1 does not match its hash: the file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session file does not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot create the directory: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open the database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (in: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot prepare &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace holds unreadable JSON in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace holds unreadable device facts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 node %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace holds an unreadable node (session %1 node %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no source %2 in the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session&apos;s device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session&apos;s configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session&apos;s baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session&apos;s PyTorch baselines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session&apos;s stop causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session %1 in %2 (see `kforge sessions`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 has no node %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session is already in the workspace as session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a tuning cache of a newer KernelForge (schema %2); use that version, or another KFORGE_CACHE_DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tuning cache: an entry needs a positive median, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: entry %2: config: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters, more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested deeper than %1 levels (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expression ends too early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown function &apos;%1&apos; (min and max are known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;)&apos; after the arguments of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes two or more arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown name &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modulo by zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown operator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1.jsonl or workloads.jsonl beside it (give the workloads with --workloads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (an imported task is judged by its PyTorch reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not Python source with run(...) (an imported task is judged by its PyTorch reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an imported task is judged by its PyTorch reference; remove the native reference or use the task directory as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be copied to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exists and is not an empty directory (choose another --out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot seek to byte %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found (or not a regular file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read its size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes, more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated: %1 bytes, too short for the 8-byte header length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the header length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header length %1 is more than the limit of %2 bytes (not a safetensors file?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated: the header says it is %1 bytes, but only %2 follow the length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header is not a JSON object (it must start with &apos;{&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header lists %1 entries, more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata values must be strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object {dtype, shape, data_offsets}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field (dtype, shape, data_offsets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown safetensors dtype &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extents must be non-negative integers, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its size overflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be [begin, end], two non-negative integers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>begin %1 is after end %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated file: the tensor ends at data byte %1, but the data holds %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes, but a %2 tensor of this shape is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed since its header was read (was %1 bytes, now %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated: cannot read %1 bytes at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot parse &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses &apos;%2&apos;, which is not a declared axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field (distribution, low, high, mean, std, min, max, positive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low must be below high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown distribution &apos;%1&apos; (uniform or normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be finite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min %1 is above max %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a normal distribution can give any value, but the input is bounded (min, max or positive): use a uniform distribution with low and high inside the bounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform [%1, %2) gives %3 .. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform [%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, but the input must be positive (low above 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes below min %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes above max %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required; [] or null for a scalar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of axis names or null (a scalar), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>axis &apos;%1&apos; is not declared in axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than 8 dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown dtype &apos;%1&apos; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file &apos;%1&apos; not found (looked for %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty list (give one file or several)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 templates, more than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has the name &apos;%2&apos; of another template (names are file stems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a library name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not this task (&apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trace with a solution or an evaluation is a result, not a workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field of a workload trace (definition, workload, solution, evaluation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field of a &apos;%1&apos; input (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;scalar&apos; needs a 0-d input, but this one has a shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scalar input needs a numeric (or boolean) value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, but input &apos;%2&apos; must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is below the min %2 of input &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is above the max %2 of input &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a URI; KernelForge downloads nothing (give a local file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in %2 (it holds: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2 is %3, but input &apos;%4&apos; is %5 (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2 has shape %3, but input &apos;%4&apos; has shape %5 in this workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown input type &apos;%1&apos; (random, scalar or safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than %2 bytes, the limit for a workloads file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than %2 workloads (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 bytes, more than the limit of %3 for one workload line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an axis of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a const axis (%1) and cannot be set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an integer, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be positive, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value for var axis &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an input of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entry for input &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown backend %1 (cpu, cuda or hip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a positive number (a workload&apos;s share in the fitness), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; would be too large to allocate (its size overflows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be evaluated for workload &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constraint &apos;%1&apos; does not hold (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 for workload &apos;%3&apos; (it must be a finite number, 0 or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 for workload &apos;%3&apos; (it must be a positive, finite number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: holds no workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not found (a task is a directory with definition.json and workloads.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not found (every task needs a workloads file beside its definition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than %2 bytes, the limit for a task definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (a const axis needs a value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown axis type &apos;%1&apos; (const or var)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a task needs at least one output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the same name as an input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: KernelForge needs a native reference (kforge.native.&lt;backend&gt;.reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>atol and rtol must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &apos;bitwise&apos; or &apos;tolerance&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an input of this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field (name, run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defines no function run(...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown backend (cpu, cuda or hip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no @tune declares %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no @tune declares %1 (declared: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1=%2 is not one of its @tune values (line %3: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 breaks @constraint %2 (line %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line has %1 characters, more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 parameters (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@tune needs a parameter name, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@tune %1 is declared twice (first on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a value (numbers or identifiers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 values (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value %1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@tune %1 lists no values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 constraints (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 seeds (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not NAME=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@seed names no parameters (write NAME=VALUE ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@constraint uses &apos;%1&apos;, which no @tune declares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source declares no @tune %1 (it declares no @tune parameters at all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source declares no @tune %1 (it declares %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the compile cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 keys in one object (the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key &apos;%1&apos; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 bytes, more than the limit of %3 bytes for JSON input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: invalid JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: invalid JSON at line %2, column %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 bytes, the limit for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a compiled library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a task definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a workloads file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a candidate&apos;s source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown backend &apos;%1&apos; (cpu, cuda or hip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;compute&apos; or &apos;memory&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner_index must be &gt;= 0 and to &gt;= from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-negative integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown state &apos;%1&apos; (pending or done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected [name, value]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint &apos;%1&apos;: column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not start with &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds &apos;%2&apos;, which is not allowed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number in %2..%3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos; (cpu, cuda[:N], hip[:N], ssh://... or slurm://...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CPU has no device number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an option is key=value, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option &apos;%1&apos; is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ssh endpoint has no path; give the runner as ?runner=PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ssh config path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a partition name holds no &apos;/&apos; or &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty (cpu, cuda[:N], hip[:N], ssh://[user@]host[:port] or slurm://PARTITION)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown scheme &apos;%1://&apos; (ssh:// or slurm://)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array of stop causes, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a stop cause (evaluations, time, plateau, target, tokens, cost, user, edits_evaluated, nothing_to_tune, exhausted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed at the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown basis &apos;%1&apos; (best or native)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spoke an unknown protocol: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of an older build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is kforge-runner %2 (protocol %3), this kforge is %4 (protocol %5): install the same build on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (it ran in the bubblewrap sandbox; --no-sandbox runs it without)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the runner %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner did not start (%1) (it ran in the bubblewrap sandbox; --no-sandbox runs it without): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner did not start (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner did not answer hello: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runner&apos;s hello failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kforge-runner (on the PATH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect (the key was refused: ssh-copy-id, or load the key into ssh-agent; KernelForge never asks for a password)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect (the host key is not known: connect once with ssh to accept it)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect (is the host name right and sshd running there?)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: %2 is not there or cannot run on %3 (install it there, or name it with ?runner=/path/to/kforge-runner)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: srun (Slurm&apos;s client) or %2 on the node could not be run%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: srun did not start the runner (%2; is %3 installed on the partition&apos;s nodes?)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runner endpoint %1: the runner did not start (%2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a FlashInfer-Bench dataset: definition, workloads, Solution and Trace JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlashInfer-Bench&apos;s languages are python, triton, cpp, cuda and tilelang; it has no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Hugging Face kernel-builder layout (build.toml, torch-ext), buildable with setuptools too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kernel as one source file with its configuration, build command and measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pip-installable PyTorch op package (TORCH_LIBRARY, cpp_extension, register_fake, test, benchmark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tuning cache was not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tuning cache: workload %1 ran %2x faster with %3 (%4 ms against %5 ms here; node %6 of session %7, %8; `kforge cache show %9`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bayesian optimization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated annealing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown search strategy &apos;%1&apos; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper confidence bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown selection policy &apos;%1&apos; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s baseline is PyTorch eager, which runs on this machine&apos;s device only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its %1 needs code for %2, and the session compiles for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its CPU is a %1, and the session compiles for this host&apos;s %2 (-march=native)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its device is a %1 and the session&apos;s a %2, where the PyTorch baselines its speedups are over were measured (a session with --speedup-against native spreads over device models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a %2, not the session&apos;s %3: the task&apos;s %4 was measured there, and its candidates&apos; speedups are over that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its device is a %1, and the task&apos;s %2 could not be measured there: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session&apos;s baselines on other devices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractItemView</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Build:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlashInfer-Bench schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QScintilla</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::AgentPanel</name>
    <message>
        <source>[retrying: %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer about node #%1, streaming (retries: %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer about node #%1, streaming:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exchanges with the LLM agent in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an exchange to read its prompt and answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>=== System ===</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>=== Assistant ===</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>=== User ===</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 / %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome %1; %2 s (first token after %3 s); %4 input + %5 output tokens%6; cost %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2, %3 s%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchanges: %1 · tokens: %2 in + %3 out · cost: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — devices: %2; operators: %3; bottlenecks: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes the agent reads when their tags fit the session&apos;s device, operator type and bottleneck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer is streaming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1 (answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1 (streaming)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer about node #%1 (complete):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::Application</name>
    <message>
        <source>KernelForge: a workbench for making compute kernels fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a demo session on the best device found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::ChartExport</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chart saved by KernelForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file name ending in .png or .svg.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::Charts</name>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch eager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torch.compile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor op</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::ChartsPanel</name>
    <message>
        <source>Relative to the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roofline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart shown as a PNG image or an SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show each workload&apos;s latency as a multiple of the baseline&apos;s median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file name ending in .png or .svg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tuner&apos;s configurations by their parameter values, coloured by speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tab shown is not a chart that can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::DeviceDetection</name>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sm %1, %2 SMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB/s copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TFLOP/s %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::DevicePage</name>
    <message>
        <source>Device: still detecting devices; a moment, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: choose a device to run on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where candidates are verified and timed. Every candidate is compared with the task&apos;s baseline measured on the same device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting devices… (each backend&apos;s runner starts and measures its device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no %1 device here (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task has no %1 implementation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of the task&apos;s workloads runs on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compiler not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last-level cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MHz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates are spread over the runners set in Settings &gt; Devices: %1. The first measures the baseline; the device chosen here must be theirs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::DevicesPage</name>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: none found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best available (now: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting devices… (each backend&apos;s runner starts and measures its device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The new-session wizard and the demo start on this device when it is there, and on the best available one otherwise (CUDA, then HIP, then the CPU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runners: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Runners:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine&apos;s device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions spread their candidates over these runners, one measurement at a time per device: GPUs of this machine (cuda:0,cuda:1), hosts over SSH (ssh://user@gpu-box) and Slurm partitions (slurm://gpu?gres=gpu:1). The first measures the baseline; the others must have the same device model. Empty: this machine&apos;s device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::DiffEditor</name>
    <message>
        <source>Previous change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous change (Alt+Up, Shift+F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next change (Alt+Down, F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate as child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 −%2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newline at end of file differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line endings differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile, verify and time the edited source as a new child node (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::ExchangeModel</name>
    <message>
        <source>node #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no node (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 → #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (est.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent → node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in + out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::ExportDialog</name>
    <message>
        <source>Making the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory: give a new or empty directory to export into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export into %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Node #%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dispatch by shape: each workload&apos;s fastest node, chosen at call time by the nearest tuned shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (making them…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (%1 variants, dispatched by shape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::GeneralPage</name>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both take effect at once in every open window. Charts, the search tree and the code diff follow the theme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run candidates &amp;without the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsafe: candidates are compiled and run with bubblewrap (no network, no home directory, no workspace) unless this is on. With it on, a candidate&apos;s code can read and write your files and reach the network as you. Applies to runs started afterwards.</source>
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
    <message>
        <source>Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the chart to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the chart to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported node #%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export node #%1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session is already running: stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the baseline of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited in the diff editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is under way: stop it, then evaluate the edit (it is kept in the editor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating the edit of node #%1 as its child…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a task, a device and a search, and start optimizing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the best device for the demo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, theme, toolchain paths and the default device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiled node #%1 with Nsight Compute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1 was not profiled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiling uses Nsight Compute, which needs a session on the CUDA backend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is under way: stop it, then profile the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiling node #%1 with Nsight Compute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates are compiled and run without a sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported node #%1 to %2 (%3 files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected node (or the best) as a source file, a PyTorch op package, a kernel-builder package or a FlashInfer-Bench solution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured node #%1 again: %2× → %3× its speedup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1 failed when measured again (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is under way: stop it, then measure the node again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring node #%1 again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::NewSessionWizard</name>
    <message>
        <source>New Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeDetails</name>
    <message>
        <source>Select a node to see its verdict, diagnostics, verification and timing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · child of node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedup %1× (geometric mean over workloads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitness %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluated in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n runner restart(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>waiting to be compiled and measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate to show this line in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not compiled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiled in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compilation failed after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from the cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spill stores (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spill loads (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared memory (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant memory (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiler (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max abs error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max rel error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First bad index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[%2], seed %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p20 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p80 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runner setup (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runner verify (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runner timing (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TFLOP/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples (ms): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measurements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runner time over all workloads: setup %1 s, verification %2 s, timing %3 s; baseline: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent: node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the generator was given nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not profiled. Nsight Compute profiles a correct CUDA candidate: the agent does it before it optimizes one, and `kforge profile SESSION NODE` does it on demand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not profiled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, one run on the workload %2; %3 s, collected %4. The counters are per kernel, the longest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
grid %2, block %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing stands out in the counters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile with Nsight Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs this node once under Nsight Compute on its largest workload and keeps the counters with it. The session must not be running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eager (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torch.compile (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vs best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> noisy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fastest PyTorch baseline of this workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower than PyTorch&apos;s %1 on this workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical floor %1 ms (compute bound, %2 TFLOP/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical floor %1 ms (memory bound, %2 GB/s: the bytes fit in the last-level cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical floor %1 ms (memory bound, %2 GB/s DRAM copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spread stayed above the threshold after %1 timing runs: trust this median less, or measure the node again (Measure Again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads: at most %1, the cores the runner may use (OpenMP is capped there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Measure Again (%n noisy)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Measure Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures this node again with %1× the session&apos;s timing budget and up to %2 timing runs, on fresh inputs with every check. The node keeps the new result, and the session&apos;s best is chosen again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a candidate that passed is measured again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing (noisy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiling is not available on the %1 backend: Nsight Compute profiles CUDA kernels only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured on %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeProblems</name>
    <message>
        <source>%1[%2] (seed %3): expected %4, got %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first wrong value: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeStatus</name>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runtime error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compile error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nondeterministic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspiciously fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modified its inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work after return</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeTableModel</name>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodesPanel</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed (any reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All generators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter nodes: id, status, configuration, message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only nodes of this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only nodes made by this generator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::NoteDialog</name>
    <message>
        <source>Add Knowledge Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the agent should know: a technique, a pitfall, a measured fact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operator types:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottlenec&amp;ks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title: a note needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body: a note needs a body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::ParameterSpaceView</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tuner&apos;s parameters to draw, one axis each; two make a heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No nodes yet. The tuner&apos;s configurations appear here as they are evaluated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tuned nodes in this session: this view places the configurations the tuner tried by their @tune parameters. Start a session with the tuner among its generators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tuned node has been evaluated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) drawn</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (grey ×)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Colour: speedup over the best PyTorch baseline (higher = lower latency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour: speedup over the task&apos;s baseline (higher = lower latency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more node(s) with these values; the cell shows the fastest</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand edits and LLM rewrites often lack the tuner&apos;s parameters: such nodes have no place on these axes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n left out (no value for a parameter on the axes)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kforge::ui::ProvidersPage</name>
    <message>
        <source>LLM Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the providers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in %2 s, %3 + %4 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM provider “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: a provider needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: another provider is called that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL: empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL: must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key variable: “%1” is not an environment variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The services the LLM agent can ask, kept in %1 and shared with the command line. Keys stay in environment variables or the OS keychain, never in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible chat completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (a local server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look the key up in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste a key to store it in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store Key in Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Concurrent requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prices per million tokens (in, out):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a one-line prompt and show the reply, the latency and the tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::RooflineChart</name>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roofline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arithmetic intensity (FLOP/byte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved TFLOP/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved bandwidth (the task does no arithmetic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes moved per call (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved GB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory roof: %1 GB/s copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute roof: %1 TFLOP/s %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::RunControls</name>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the open session, or start a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the evaluations in flight finish, then wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on with the paused session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the session: the measurement in flight is kept, the rest stays pending for later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::RunProgressWidget</name>
    <message>
        <source>Measuring the baseline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>best %1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no speedup yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::SearchPage</name>
    <message>
        <source>Generators: choose at least one; the tuner is the only one available until an LLM provider is configured in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the tree grows: which generators propose children, and which node is expanded next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tuner, strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every expandable node competes by its subtree&apos;s mean fitness plus c·√(ln N / n): a larger c explores more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fittest expandable node is always expanded next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fittest nodes, as many as the beam width, take turns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exploration constant c:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beam &amp;width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random &amp;seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generators: choose at least one: the tuner, the LLM agent or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;LLM agent, provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LLM providers could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LLM provider is configured: add one in Edit &gt; Preferences &gt; LLM Providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent asks %1 at %2 to rewrite kernels; its spending stops the session at these budgets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token b&amp;udget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ost budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup &amp;against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fastest PyTorch baseline (eager, torch.compile, vendor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task&apos;s native baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a candidate&apos;s fitness is a speedup over. Without a measured PyTorch baseline for every workload the session uses the task&apos;s native baseline instead and says so when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionListModel</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionSummary</name>
    <message>
        <source>%1 selection; generators: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of active time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s) without a new best</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>a speedup of %1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 of active time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no candidate passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured (speedups are over the task&apos;s %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none could be measured (speedups are over the task&apos;s %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (fastest on %2 of %n workload(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1× over %2: slower (node %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× over %2 (node %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: waiting for a candidate, %n measured</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (lost %n time(s), last: %1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Runners:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: busy with node %2, %n measured</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1; also %2, each with its own baseline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionWorkbench</name>
    <message>
        <source>The edit was not evaluated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node #%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first two selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1 against its parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1 against the task&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (loading the sources…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit of node #%1 is kept: evaluate it as a child, or undo it to compare other nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the node in focus is compared with when fewer than two nodes are selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionsPanel</name>
    <message>
        <source>Deleted session %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported session %1 (%n node(s)) to %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 as session %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected session: its tree and nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected session and everything it measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a session file (.kfsession) to this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the selected session to a session file (.kfsession)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the sessions from the workspace again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running session cannot be deleted: stop it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 is running: stop it before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the session “%1” (session %2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Its %n evaluated candidate(s), their sources and measurements are removed from the workspace. This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KernelForge sessions (*.%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KernelForge sessions (*.%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::SpeedupBasis</name>
    <message>
        <source>the best PyTorch op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::StopPage</name>
    <message>
        <source>Time limit: empty; write a duration such as 90s, 10m, 1.5h or 2h30m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit: “%1” is not a duration; write it as 90s, 10m, 1.5h or 2h30m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit: must be longer than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target speedup: must be above 1.00× (the baseline&apos;s own speed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop conditions: choose at least one, or the session runs until you stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the session stops by itself. You can pause or stop it at any time, and continue it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation &amp;budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 90s, 10m, 1.5h, 2h30m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active running time of the session: 90s, 10m, 1.5h, 2h30m or plain seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plateau:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> evaluations without a new best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target &amp;speedup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;any condition holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a&amp;ll conditions hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::StopReason</name>
    <message>
        <source>budget of %1 evaluations reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time limit of %1 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no improvement in the last %1 evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target speedup %1x reached (%2x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM token budget of %1 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM cost budget of %1 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the edits were evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to tune: no source in the session declares @tune parameters (the task has no tunable template for %1); add one (docs/tasks.md, &quot;Tunable parameters&quot;) or let the LLM agent write candidates (--generators tuner,llm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every candidate the generators could propose was evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::TaskPage</name>
    <message>
        <source>Definition file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task: the definition file is still being read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task: choose a built-in task or a definition file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to optimize: a built-in task, or a task definition file (FlashInfer-Bench JSON with workloads.jsonl beside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Definition file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Native implementations: %2. Defined in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no PyTorch reference; the native reference is used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workloads (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference (PyTorch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task definition file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task definitions (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunable templates: none, so the tuner has nothing to search; the LLM agent can write candidates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunable templates: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::ToolchainsPage</name>
    <message>
        <source>Toolchains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host C++ compiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA compiler (nvcc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIP compiler (hipcc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no program called “%2” in PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is a folder, not a program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not executable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 --version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not run %2 --version (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compilers that turn candidates into shared objects. Leave a field empty to find the compiler as the command line does. Runs started after a change use the new compiler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-detect (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the compiler with --version and show what it says</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::TrajectoryChart</name>
    <message>
        <source>Speedup by evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline (1×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1, evaluation %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best PyTorch (1×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup (×)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::TreeGraphView</name>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole tree (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to 1:1 (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Node...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a node by its id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key to the colours (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find node by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a node id and press Enter; Escape closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no node #%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best node so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No nodes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path to the best, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup over the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspiciously fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect numerical result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nondeterministic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nondet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tuner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified its inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work after return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM rewrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from tuning cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From its parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template&apos;s seed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup over %1</source>
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
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a session with File → New Session… (Ctrl+N), or open one from the Sessions panel on the left. To let an LLM agent rewrite kernels, add a provider under Edit → Preferences… → LLM Providers. This is version %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::WorkloadChart</name>
    <message>
        <source>Latency per workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency relative to the baseline (×, lower is faster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (µs, log scale; median with p20–p80)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: median %3 (p20 %4, p80 %5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kforge::ui::Workspace</name>
    <message>
        <source>Could not open the workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the sessions in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load session %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load a source of session %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load a node of session %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export session %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the LLM exchanges of session %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the knowledge notes in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export a node of session %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
