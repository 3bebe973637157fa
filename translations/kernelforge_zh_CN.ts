<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Phrase</name>
    <message>
        <source>median %1 ms is below %2% of the physical floor %3 ms (compute-bound at %4 TFLOP/s): not accepted</source>
        <translation>中位数 %1 ms 低于物理下限 %3 ms 的 %2%（计算受限，%4 TFLOP/s）：不予接受</translation>
    </message>
    <message>
        <source>median %1 ms is below %2% of the physical floor %3 ms (memory-bound at %4 GB/s, %5): not accepted</source>
        <translation>中位数 %1 ms 低于物理下限 %3 ms 的 %2%（访存受限，%4 GB/s，%5）：不予接受</translation>
    </message>
    <message>
        <source>the last-level cache&apos;s, the bytes fit in it</source>
        <translation>末级缓存带宽，数据可放入其中</translation>
    </message>
    <message>
        <source>DRAM copy</source>
        <translation>DRAM 复制带宽</translation>
    </message>
    <message>
        <source>%1 during &quot;%2&quot;</source>
        <translation>%1，发生在“%2”期间</translation>
    </message>
    <message>
        <source>the runner&apos;s answer does not read: %1</source>
        <translation>无法读取运行器的应答：%1</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考实现</translation>
    </message>
    <message>
        <source>configuration %1 breaks @constraint %2</source>
        <translation>配置 %1 违反 @constraint %2</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>timed calls: %1, each on fresh poison and inputs rotated over %2; %3 verified (%4 on patched inputs)</source>
        <translation>计时调用：%1 次，每次都使用新的毒化值，输入在 %2 之间轮换；已验证 %3 次（其中 %4 次使用修补后的输入）</translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation>1 个种子</translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation>%1 个种子</translation>
    </message>
    <message>
        <source>%1
  not done: %2</source>
        <translation>%1
  未做：%2</translation>
    </message>
    <message>
        <source>the runner was gone before the request (%1)</source>
        <translation>请求之前运行器已不在（%1）</translation>
    </message>
    <message>
        <source>no progress for %1 s; the runner was killed</source>
        <translation>%1 秒无进展；运行器已被终止</translation>
    </message>
    <message>
        <source>the runner died: %1</source>
        <translation>运行器已退出：%1</translation>
    </message>
    <message>
        <source>%1 (stderr: %2)</source>
        <translation>%1（stderr：%2）</translation>
    </message>
    <message>
        <source>cannot load the compiled candidate: %1</source>
        <translation>无法加载编译好的候选内核：%1</translation>
    </message>
    <message>
        <source>the candidate does not export kf_run (declare it with KF_EXPORT, see kf_abi.h)</source>
        <translation>候选内核未导出 kf_run（请用 KF_EXPORT 声明，见 kf_abi.h）</translation>
    </message>
    <message>
        <source>%1: kf_run returned %2%3</source>
        <translation>%1：kf_run 返回 %2%3</translation>
    </message>
    <message>
        <source>%1: launch failed%2</source>
        <translation>%1：启动失败%2</translation>
    </message>
    <message>
        <source>%1: the candidate changed %2 it was given; kf_run must leave its kf_call as it is</source>
        <translation>%1：候选内核修改了传给它的 %2；kf_run 必须保持其 kf_call 不变</translation>
    </message>
    <message>
        <source>%1: out-of-bounds write: %2 of the %3 bytes right after output &apos;%4&apos; were overwritten</source>
        <translation>%1：越界写入：输出 &apos;%4&apos; 之后紧邻的 %3 个字节中有 %2 个被改写</translation>
    </message>
    <message>
        <source>%1: output &apos;%2&apos; changed after kf_run had returned and its stream was done: all work must be finished, or queued on call-&gt;stream, when kf_run returns (no other stream, no background thread)</source>
        <translation>%1：输出 &apos;%2&apos; 在 kf_run 返回且其流已完成之后发生了变化：kf_run 返回时，所有工作必须已完成或已排入 call-&gt;stream（不得使用其他流或后台线程）</translation>
    </message>
    <message>
        <source>reference, seed %1</source>
        <translation>参考实现，种子 %1</translation>
    </message>
    <message>
        <source>%1, seed %2, run %3</source>
        <translation>%1，种子 %2，第 %3 次运行</translation>
    </message>
    <message>
        <source>%1, seed %2</source>
        <translation>%1，种子 %2</translation>
    </message>
    <message>
        <source>elements never written</source>
        <translation>从未写入的元素</translation>
    </message>
    <message>
        <source>two runs on the same inputs differ</source>
        <translation>相同输入的两次运行结果不同</translation>
    </message>
    <message>
        <source>mismatches</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <source>warm-up run</source>
        <translation>预热运行</translation>
    </message>
    <message>
        <source>profiled run</source>
        <translation>剖析运行</translation>
    </message>
    <message>
        <source>timed under %1: the times include the tool&apos;s work, and work left running after a call is not checked</source>
        <translation>在 %1 下计时：时间包含该工具的工作，且不检查调用后仍在运行的工作</translation>
    </message>
    <message>
        <source>one input set: a second seed&apos;s inputs do not fit beside the first within the runner&apos;s snapshot budget</source>
        <translation>仅一组输入：在运行器的快照预算内，第二个种子的输入放不下</translation>
    </message>
    <message>
        <source>one input set: the request has one seed</source>
        <translation>仅一组输入：请求只有一个种子</translation>
    </message>
    <message>
        <source>inputs not patched: the PyTorch reference judged, and its outputs exist only for the seeds it ran</source>
        <translation>未修补输入：由 PyTorch 参考实现判定，其输出只存在于它运行过的种子</translation>
    </message>
    <message>
        <source>inputs not patched: no input is random floating-point data</source>
        <translation>未修补输入：没有输入是随机浮点数据</translation>
    </message>
    <message>
        <source>timed call %1 (seed %2, input &apos;%3&apos; patched at %4 elements)</source>
        <translation>第 %1 次计时调用（种子 %2，输入 &apos;%3&apos; 修补了 %4 个元素）</translation>
    </message>
    <message>
        <source>timed call %1 (seed %2)</source>
        <translation>第 %1 次计时调用（种子 %2）</translation>
    </message>
    <message>
        <source>reference on the patched inputs</source>
        <translation>参考实现（修补后的输入）</translation>
    </message>
    <message>
        <source>%1, mismatches</source>
        <translation>%1，不匹配</translation>
    </message>
    <message>
        <source>warm-up call %1</source>
        <translation>第 %1 次预热调用</translation>
    </message>
    <message>
        <source>timed call %1</source>
        <translation>第 %1 次计时调用</translation>
    </message>
    <message>
        <source>after the timed calls</source>
        <translation>计时调用之后</translation>
    </message>
    <message>
        <source>%1 of %2 timed calls left work running on the device after the stream passed in was done (median %3 more): launch only on call-&gt;stream (not another stream, not the legacy default stream)</source>
        <translation>%2 次计时调用中有 %1 次在传入的流完成后仍在设备上留有运行中的工作（中位数多出 %3）：只能在 call-&gt;stream 上启动（不得使用其他流，也不得使用旧式默认流）</translation>
    </message>
    <message>
        <source>%1: output &apos;%2&apos;, seed %3: %4 of %5 elements; first at index %6 (expected %7, got %8)</source>
        <translation>%1：输出 &apos;%2&apos;，种子 %3：%5 个元素中有 %4 个；第一个位于索引 %6（应为 %7，实为 %8）</translation>
    </message>
    <message>
        <source>%1 (atol %2, rtol %3)</source>
        <translation>%1（atol %2，rtol %3）</translation>
    </message>
    <message>
        <source>%1: input &apos;%2&apos; is not what it was before the call: a candidate must not write its inputs</source>
        <translation>%1：输入 &apos;%2&apos; 与调用前不同：候选内核不得写入其输入</translation>
    </message>
    <message>
        <source>the reference failed: %1</source>
        <translation>参考实现失败：%1</translation>
    </message>
    <message>
        <source>not every workload has a measured PyTorch baseline</source>
        <translation>并非每个工作负载都有测得的 PyTorch 基线</translation>
    </message>
    <message>
        <source>speedups are against the task&apos;s %1, not PyTorch: %2</source>
        <translation>加速比相对于任务的%1，而不是 PyTorch：%2</translation>
    </message>
    <message>
        <source>%1 is not used: %2</source>
        <translation>%1 未被使用：%2</translation>
    </message>
    <message>
        <source>node %1: %2 was lost (%3); measured again elsewhere; the runner cannot start again: %4</source>
        <translation>节点 %1：%2 已丢失（%3）；已在别处重新测量；该运行器无法再次启动：%4</translation>
    </message>
    <message>
        <source>node %1: %2 was lost (%3); measured again</source>
        <translation>节点 %1：%2 已丢失（%3）；已重新测量</translation>
    </message>
    <message>
        <source>resuming %1 evaluations left in flight</source>
        <translation>继续上次未完成的 %1 个评估</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <source>tuning cache: %1; the session goes on without it</source>
        <translation>调优缓存：%1；会话将在不使用它的情况下继续</translation>
    </message>
    <message>
        <source>tuning cache: %1 entries of this source were measured on another device or toolchain and are not used: %2</source>
        <translation>调优缓存：此源码有 %1 条记录是在其他设备或工具链上测得的，未被使用：%2</translation>
    </message>
    <message>
        <source>tuning cache: the tuner starts from %1 measured before on %2 with %3 (first: %4, the fastest on %5 of %6 workloads; `kforge cache list` shows them)</source>
        <translation>调优缓存：调优器从之前在 %2 上用 %3 测得的 %1 开始（第一个：%4，在 %6 个工作负载中的 %5 个上最快；`kforge cache list` 可列出它们）</translation>
    </message>
    <message>
        <source>1 configuration</source>
        <translation>1 个配置</translation>
    </message>
    <message>
        <source>%1 configurations</source>
        <translation>%1 个配置</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has the unknown tag &apos;%2&apos; (known: %3, any)</source>
        <translation>&apos;%1&apos; 含有未知标签 &apos;%2&apos;（已知：%3，any）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; lists no tag (use &apos;any&apos;)</source>
        <translation>&apos;%1&apos; 未列出任何标签（请使用 &apos;any&apos;）</translation>
    </message>
    <message>
        <source>unknown tag kind &apos;%1&apos; (devices, op_types, bottlenecks)</source>
        <translation>未知的标签类别 &apos;%1&apos;（devices、op_types、bottlenecks）</translation>
    </message>
    <message>
        <source>a guide starts with a &apos;---&apos; line and its tags</source>
        <translation>指南须以 &apos;---&apos; 行及其标签开头</translation>
    </message>
    <message>
        <source>expected &apos;key: value&apos; in the front matter</source>
        <translation>front matter 中应为 &apos;key: value&apos; 格式</translation>
    </message>
    <message>
        <source>unknown front-matter key &apos;%1&apos; (title, devices, op_types, bottlenecks)</source>
        <translation>未知的 front matter 键 &apos;%1&apos;（title、devices、op_types、bottlenecks）</translation>
    </message>
    <message>
        <source>the front matter never closes with &apos;---&apos;</source>
        <translation>front matter 没有以 &apos;---&apos; 结束</translation>
    </message>
    <message>
        <source>the front matter lacks &apos;%1&apos;</source>
        <translation>front matter 缺少 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the guide has no &apos;## &apos; section with text</source>
        <translation>该指南没有含正文的 &apos;## &apos; 小节</translation>
    </message>
    <message>
        <source>the knowledge directory does not exist</source>
        <translation>知识库目录不存在</translation>
    </message>
    <message>
        <source>the runners are chosen before the first one starts</source>
        <translation>必须在第一个运行器启动之前选定运行器</translation>
    </message>
    <message>
        <source>no runner %1</source>
        <translation>没有运行器 %1</translation>
    </message>
    <message>
        <source>unknown backend &apos;%1&apos; (cpu, cuda, hip or auto)</source>
        <translation>未知的后端 &apos;%1&apos;（cpu、cuda、hip 或 auto）</translation>
    </message>
    <message>
        <source>kforge.native has no &apos;%1&apos; entry and there is no PyTorch reference, so %2 cannot run on %3</source>
        <translation>kforge.native 中没有 &apos;%1&apos; 条目，也没有 PyTorch 参考实现，因此 %2 无法在 %3 上运行</translation>
    </message>
    <message>
        <source>no workload runs on %1</source>
        <translation>没有可在 %1 上运行的工作负载</translation>
    </message>
    <message>
        <source>no %1 device: %2</source>
        <translation>没有 %1 设备：%2</translation>
    </message>
    <message>
        <source>workload %1 needs %2 for its tensors, but %3 has %4</source>
        <translation>工作负载 %1 的张量需要 %2，但 %3 只有 %4</translation>
    </message>
    <message>
        <source>the task&apos;s %1 does not compile: %2</source>
        <translation>任务的%1无法编译：%2</translation>
    </message>
    <message>
        <source>cannot read the candidate source</source>
        <translation>无法读取候选源代码</translation>
    </message>
    <message>
        <source>unknown reference &apos;%1&apos; (auto, native or torch)</source>
        <translation>未知的参考实现 &apos;%1&apos;（auto、native 或 torch）</translation>
    </message>
    <message>
        <source>the task has no native reference for %1</source>
        <translation>该任务没有针对 %1 的原生参考实现</translation>
    </message>
    <message>
        <source>the definition has no PyTorch reference</source>
        <translation>定义中没有 PyTorch 参考实现</translation>
    </message>
    <message>
        <source>PyTorch baselines are not measured with a runner on another host (%1) yet</source>
        <translation>暂不支持用其他主机上的运行器（%1）测量 PyTorch 基线</translation>
    </message>
    <message>
        <source>the PyTorch reference must judge, but %1</source>
        <translation>必须由 PyTorch 参考实现判定，但%1</translation>
    </message>
    <message>
        <source>%1: torch %2 sees no GPU (a CPU-only build?)</source>
        <translation>%1：torch %2 检测不到 GPU（是仅支持 CPU 的构建吗？）</translation>
    </message>
    <message>
        <source>the PyTorch reference must judge on %1, but %2</source>
        <translation>必须由 PyTorch 参考实现在 %1 上判定，但%2</translation>
    </message>
    <message>
        <source>the runner could not write the inputs: %1</source>
        <translation>运行器无法写入输入：%1</translation>
    </message>
    <message>
        <source>it wrote no outputs</source>
        <translation>它没有写入任何输出</translation>
    </message>
    <message>
        <source>the PyTorch reference failed on workload %1: %2</source>
        <translation>PyTorch 参考实现在工作负载 %1 上失败：%2</translation>
    </message>
    <message>
        <source>internal: measureTorch must run before measureBaseline for a task judged by PyTorch</source>
        <translation>内部错误：对于由 PyTorch 判定的任务，measureTorch 必须在 measureBaseline 之前运行</translation>
    </message>
    <message>
        <source>the task&apos;s PyTorch reference (eager) failed on %1 (%2): %3</source>
        <translation>任务的 PyTorch 参考实现（eager）在 %1 上失败（%2）：%3</translation>
    </message>
    <message>
        <source>the task&apos;s %1 failed on this device (%2): %3</source>
        <translation>任务的%1在此设备上失败（%2）：%3</translation>
    </message>
    <message>
        <source>unknown task &apos;%1&apos;: neither a built-in task (see `kforge tasks`) nor an existing path</source>
        <translation>未知任务 &apos;%1&apos;：既不是内置任务（参见 `kforge tasks`），也不是已存在的路径</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>%1: tensor &apos;%2&apos;</source>
        <translation>%1：张量 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: no longer in the file</source>
        <translation>%1：已不在文件中</translation>
    </message>
    <message>
        <source>%1: its dtype or shape changed since the task was loaded</source>
        <translation>%1：其 dtype 或形状在任务加载后已改变</translation>
    </message>
    <message>
        <source>%1: cannot be written (staging %2)</source>
        <translation>%1：无法写入（暂存 %2 时）</translation>
    </message>
    <message>
        <source>unknown export format &apos;%1&apos; (known: %2)</source>
        <translation>未知的导出格式 &apos;%1&apos;（已知：%2）</translation>
    </message>
    <message>
        <source>format %1 cannot export a %2 session: %3</source>
        <translation>格式 %1 无法导出 %2 会话：%3</translation>
    </message>
    <message>
        <source>%1 already exists and is not an empty directory; choose another --out</source>
        <translation>%1 已存在且不是空目录；请另选 --out</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>export produced a bad or repeated path &apos;%1&apos;</source>
        <translation>导出生成了无效或重复的路径 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>cannot write the export to %1: %2</source>
        <translation>无法将导出内容写入 %1：%2</translation>
    </message>
    <message>
        <source>task %1 has no workload %2 any more (its files changed since the session ran)</source>
        <translation>任务 %1 已不再有工作负载 %2（会话运行后其文件已更改）</translation>
    </message>
    <message>
        <source>session %1 has no node %2 (see kforge show %3)</source>
        <translation>会话 %1 没有节点 %2（参见 kforge show %3）</translation>
    </message>
    <message>
        <source>session %1 node %2 is %3, not PASSED: only a verified kernel is exported</source>
        <translation>会话 %1 的节点 %2 状态为 %3，而非 PASSED：只导出已通过验证的内核</translation>
    </message>
    <message>
        <source>session %1 has no PASSED node to export yet</source>
        <translation>会话 %1 尚无可导出的 PASSED 节点</translation>
    </message>
    <message>
        <source>session %1 node %2 has no stored measurements to export</source>
        <translation>会话 %1 的节点 %2 没有可导出的已存测量结果</translation>
    </message>
    <message>
        <source>task %1: shape names an unknown axis %2</source>
        <translation>任务 %1：形状引用了未知的轴 %2</translation>
    </message>
    <message>
        <source>task %1: axis %2 appears in no input&apos;s shape, so an op cannot read it from its arguments; this task cannot be exported as a torch op</source>
        <translation>任务 %1：轴 %2 未出现在任何输入的形状中，算子无法从其参数中读取它；此任务无法导出为 torch 算子</translation>
    </message>
    <message>
        <source>task %1 has no inputs; it cannot be exported as a torch op</source>
        <translation>任务 %1 没有输入；无法导出为 torch 算子</translation>
    </message>
    <message>
        <source>export template: no value for @%1@</source>
        <translation>导出模板：@%1@ 没有值</translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: the environment variable %2 that should hold its key is not set</source>
        <translation>服务商 &apos;%1&apos;：应保存其密钥的环境变量 %2 未设置</translation>
    </message>
    <message>
        <source>secret-tool is not installed</source>
        <translation>未安装 secret-tool</translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: no key in the OS keychain (secret-tool lookup service kernelforge provider %2: %3)</source>
        <translation>服务商 &apos;%1&apos;：系统钥匙串中没有密钥（secret-tool lookup service kernelforge provider %2：%3）</translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: an empty key cannot be stored</source>
        <translation>服务商 &apos;%1&apos;：不能存储空密钥</translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: the keychain refused the key: %2</source>
        <translation>服务商 &apos;%1&apos;：钥匙串拒绝了该密钥：%2</translation>
    </message>
    <message>
        <source>provider &apos;%1&apos;: the keychain entry could not be removed: %2</source>
        <translation>服务商 &apos;%1&apos;：无法删除钥匙串条目：%2</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; has the wrong type (%3)</source>
        <translation>%1：字段 &apos;%2&apos; 的类型不对（%3）</translation>
    </message>
    <message>
        <source>%1: a provider is a JSON object, not %2</source>
        <translation>%1：服务商应为 JSON 对象，而不是 %2</translation>
    </message>
    <message>
        <source>%1 (provider &apos;%2&apos;)</source>
        <translation>%1（服务商 &apos;%2&apos;）</translation>
    </message>
    <message>
        <source>%1: a provider needs a &apos;name&apos;</source>
        <translation>%1：服务商需要 &apos;name&apos;</translation>
    </message>
    <message>
        <source>%1: &apos;api&apos; is &apos;%2&apos;; it must be &apos;openai&apos; or &apos;anthropic&apos;</source>
        <translation>%1：&apos;api&apos; 为 &apos;%2&apos;；它必须是 &apos;openai&apos; 或 &apos;anthropic&apos;</translation>
    </message>
    <message>
        <source>%1: keys are not kept in this file; name an environment variable in &apos;key_env&apos; or use the keychain</source>
        <translation>%1：密钥不保存在此文件中；请在 &apos;key_env&apos; 中指定环境变量，或使用钥匙串</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is empty</source>
        <translation>%1：&apos;%2&apos; 为空</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be at least %3</source>
        <translation>%1：&apos;%2&apos; 不能小于 %3</translation>
    </message>
    <message>
        <source>%1: &apos;base_url&apos; must start with http:// or https:// (it is &apos;%2&apos;)</source>
        <translation>%1：&apos;base_url&apos; 必须以 http:// 或 https:// 开头（当前为 &apos;%2&apos;）</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; cannot be negative</source>
        <translation>%1：&apos;%2&apos; 不能为负数</translation>
    </message>
    <message>
        <source>%1: timeouts must be positive</source>
        <translation>%1：超时时间必须为正数</translation>
    </message>
    <message>
        <source>%1: prices cannot be negative</source>
        <translation>%1：价格不能为负数</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1：不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>%1: expected {&quot;providers&quot;: [...]}</source>
        <translation>%1：应为 {&quot;providers&quot;: [...]}</translation>
    </message>
    <message>
        <source>%1: two providers are called &apos;%2&apos;</source>
        <translation>%1：有两个服务商都叫 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>no LLM provider called &apos;%1&apos; in %2 (it lists none; see docs/llm.md)</source>
        <translation>%2 中没有名为 &apos;%1&apos; 的 LLM 服务商（其中未列出任何服务商；见 docs/llm.md）</translation>
    </message>
    <message>
        <source>no LLM provider called &apos;%1&apos; in %2 (it has: %3)</source>
        <translation>%2 中没有名为 &apos;%1&apos; 的 LLM 服务商（其中有：%3）</translation>
    </message>
    <message>
        <source>line %1: a configuration line reads &quot;// -D NAME=VALUE&quot;, not &quot;%2&quot;</source>
        <translation>第 %1 行：配置行的格式应为 &quot;// -D NAME=VALUE&quot;，而不是 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 has no native %2 sources to start from: give the first candidate with --from FILE</source>
        <translation>%1 没有可作为起点的原生 %2 源代码：请用 --from FILE 给出第一个候选</translation>
    </message>
    <message>
        <source>the files of task &apos;%1&apos; (%2) changed since session %3 started, so its measurements no longer compare: start a new session</source>
        <translation>任务 &apos;%1&apos;（%2）的文件在会话 %3 开始后已更改，其测量结果不再可比：请新建会话</translation>
    </message>
    <message>
        <source>session %1 was measured on %2, but this machine&apos;s %3 device is %4: its baseline does not hold here (inspect it with `kforge show`, or start a new session)</source>
        <translation>会话 %1 是在 %2 上测量的，但本机的 %3 设备是 %4：其基线在此不适用（可用 `kforge show` 查看，或新建会话）</translation>
    </message>
    <message>
        <source>session %1 has no node %2</source>
        <translation>会话 %1 没有节点 %2</translation>
    </message>
    <message>
        <source>node %1 is %2: only a candidate that passed is profiled</source>
        <translation>节点 %1 的状态为 %2：只对已通过的候选进行剖析</translation>
    </message>
    <message>
        <source>node %1 is %2: only a candidate that passed is measured again</source>
        <translation>节点 %1 的状态为 %2：只对已通过的候选重新测量</translation>
    </message>
    <message>
        <source>node %1 already has this source and configuration</source>
        <translation>节点 %1 已具有相同的源代码和配置</translation>
    </message>
    <message>
        <source>the engine has no session: create() or open() one first</source>
        <translation>引擎没有会话：请先 create() 或 open() 一个会话</translation>
    </message>
    <message>
        <source>%1: the session&apos;s LLM agent cannot run</source>
        <translation>%1：会话的 LLM 智能体无法运行</translation>
    </message>
    <message>
        <source>every runner was lost (the last: %1)</source>
        <translation>所有运行器均已丢失（最后一个：%1）</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>a generator needs a name to be registered</source>
        <translation>生成器需要名称才能注册</translation>
    </message>
    <message>
        <source>a generator named &apos;%1&apos; is registered already (%2)</source>
        <translation>名为 &apos;%1&apos; 的生成器已注册（%2）</translation>
    </message>
    <message>
        <source>generator &apos;%1&apos; has no factory</source>
        <translation>生成器 &apos;%1&apos; 没有工厂函数</translation>
    </message>
    <message>
        <source>none are registered</source>
        <translation>尚未注册任何生成器</translation>
    </message>
    <message>
        <source>%1: unknown generator &apos;%2&apos; (known: %3)</source>
        <translation>%1：未知的生成器 &apos;%2&apos;（已知：%3）</translation>
    </message>
    <message>
        <source>unknown backend %1</source>
        <translation>未知的后端 %1</translation>
    </message>
    <message>
        <source>name a task to optimize: a built-in task or a task directory</source>
        <translation>请指定要优化的任务：内置任务或任务目录</translation>
    </message>
    <message>
        <source>session %1 optimizes %2, not %3</source>
        <translation>会话 %1 优化的是 %2，而不是 %3</translation>
    </message>
    <message>
        <source>no session was created or opened yet</source>
        <translation>尚未创建或打开会话</translation>
    </message>
    <message>
        <source>no knowledge note %1 (see `kforge knowledge list`)</source>
        <translation>没有知识笔记 %1（见 `kforge knowledge list`）</translation>
    </message>
    <message>
        <source>%1: the workspace was written by a newer KernelForge (schema %2; this one knows up to %3)</source>
        <translation>%1：该工作区由较新版本的 KernelForge 写入（schema %2；此版本最高支持 %3）</translation>
    </message>
    <message>
        <source>not a KernelForge session file (its &quot;format&quot; is not &quot;kernelforge-session&quot;)</source>
        <translation>不是 KernelForge 会话文件（其 &quot;format&quot; 不是 &quot;kernelforge-session&quot;）</translation>
    </message>
    <message>
        <source>session file version %1 is not one this KernelForge reads (1)</source>
        <translation>此版本的 KernelForge 无法读取版本为 %1 的会话文件（只能读取版本 1）</translation>
    </message>
    <message>
        <source>source %1 does not match its hash: the file is damaged</source>
        <translation>源码 %1 与其哈希值不符：文件已损坏</translation>
    </message>
    <message>
        <source>the session file does not read: %1</source>
        <translation>无法读取会话文件：%1</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>%1: cannot create the directory: %2</source>
        <translation>%1：无法创建目录：%2</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>%1: cannot open the database: %2</source>
        <translation>%1：无法打开数据库：%2</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>%1: %2 (in: %3)</source>
        <translation>%1：%2（语句：%3）</translation>
    </message>
    <message>
        <source>cannot prepare &quot;%1&quot;</source>
        <translation>无法准备语句 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bind</source>
        <translation>绑定参数</translation>
    </message>
    <message>
        <source>cannot run &quot;%1&quot;</source>
        <translation>无法执行 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the workspace holds unreadable JSON in %1: %2</source>
        <translation>工作区中的 JSON 无法读取（%1）：%2</translation>
    </message>
    <message>
        <source>the workspace holds unreadable device facts: %1</source>
        <translation>工作区中的设备信息无法读取：%1</translation>
    </message>
    <message>
        <source>session %1 node %2 %3</source>
        <translation>会话 %1 节点 %2 的 %3</translation>
    </message>
    <message>
        <source>the workspace holds an unreadable node (session %1 node %2): %3</source>
        <translation>工作区中有无法读取的节点（会话 %1 节点 %2）：%3</translation>
    </message>
    <message>
        <source>%1: no source %2 in the workspace</source>
        <translation>%1：工作区中没有源码 %2</translation>
    </message>
    <message>
        <source>a session&apos;s device</source>
        <translation>会话的设备</translation>
    </message>
    <message>
        <source>a session&apos;s configuration</source>
        <translation>会话的配置</translation>
    </message>
    <message>
        <source>a session&apos;s baseline</source>
        <translation>会话的基线</translation>
    </message>
    <message>
        <source>a session&apos;s PyTorch baselines</source>
        <translation>会话的 PyTorch 基线</translation>
    </message>
    <message>
        <source>a session&apos;s stop causes</source>
        <translation>会话的停止原因</translation>
    </message>
    <message>
        <source>no session %1 in %2 (see `kforge sessions`)</source>
        <translation>%2 中没有会话 %1（见 `kforge sessions`）</translation>
    </message>
    <message>
        <source>session %1 has no node %2 in %3</source>
        <translation>%3 中的会话 %1 没有节点 %2</translation>
    </message>
    <message>
        <source>this session is already in the workspace as session %1</source>
        <translation>此会话已在工作区中（会话 %1）</translation>
    </message>
    <message>
        <source>%1: a tuning cache of a newer KernelForge (schema %2); use that version, or another KFORGE_CACHE_DIR</source>
        <translation>%1：这是较新版本 KernelForge 的调优缓存（schema %2）；请使用该版本，或换用其他 KFORGE_CACHE_DIR</translation>
    </message>
    <message>
        <source>tuning cache: an entry needs a positive median, not %1</source>
        <translation>调优缓存：条目的中位数必须为正数，而不是 %1</translation>
    </message>
    <message>
        <source>%1: entry %2: config: %3</source>
        <translation>%1：条目 %2：config：%3</translation>
    </message>
    <message>
        <source>%1 characters, more than the limit of %2</source>
        <translation>%1 个字符，超过上限 %2</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;</source>
        <translation>意外的 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels (the limit)</source>
        <translation>嵌套超过 %1 层（上限）</translation>
    </message>
    <message>
        <source>expression ends too early</source>
        <translation>表达式意外结束</translation>
    </message>
    <message>
        <source>missing &apos;)&apos;</source>
        <translation>缺少 &apos;)&apos;</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>数值超出范围</translation>
    </message>
    <message>
        <source>bad number</source>
        <translation>无效的数值</translation>
    </message>
    <message>
        <source>unknown function &apos;%1&apos; (min and max are known)</source>
        <translation>未知函数 &apos;%1&apos;（仅支持 min 和 max）</translation>
    </message>
    <message>
        <source>missing &apos;)&apos; after the arguments of %1</source>
        <translation>%1 的参数后缺少 &apos;)&apos;</translation>
    </message>
    <message>
        <source>%1 takes two or more arguments</source>
        <translation>%1 需要两个或更多参数</translation>
    </message>
    <message>
        <source>unknown name &apos;%1&apos;</source>
        <translation>未知名称 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>除数为零</translation>
    </message>
    <message>
        <source>modulo by zero</source>
        <translation>取模的除数为零</translation>
    </message>
    <message>
        <source>unknown operator %1</source>
        <translation>未知运算符 %1</translation>
    </message>
    <message>
        <source>no %1.jsonl or workloads.jsonl beside it (give the workloads with --workloads)</source>
        <translation>旁边没有 %1.jsonl 或 workloads.jsonl（请用 --workloads 指定 workloads）</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>必须是对象，而不是 %1</translation>
    </message>
    <message>
        <source>missing (an imported task is judged by its PyTorch reference)</source>
        <translation>缺失（导入的任务由其 PyTorch 参考实现评判）</translation>
    </message>
    <message>
        <source>not Python source with run(...) (an imported task is judged by its PyTorch reference)</source>
        <translation>不是包含 run(...) 的 Python 源码（导入的任务由其 PyTorch 参考实现评判）</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>an imported task is judged by its PyTorch reference; remove the native reference or use the task directory as it is</source>
        <translation>导入的任务由其 PyTorch 参考实现评判；请删除 native 参考实现，或直接使用该任务目录</translation>
    </message>
    <message>
        <source>cannot be copied to %1: %2</source>
        <translation>无法复制到 %1：%2</translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation>不是目录</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>exists and is not an empty directory (choose another --out)</source>
        <translation>已存在且不是空目录（请另选 --out）</translation>
    </message>
    <message>
        <source>cannot be created: %1</source>
        <translation>无法创建：%1</translation>
    </message>
    <message>
        <source>cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>cannot seek to byte %1</source>
        <translation>无法定位到第 %1 字节</translation>
    </message>
    <message>
        <source>not found (or not a regular file)</source>
        <translation>未找到（或不是常规文件）</translation>
    </message>
    <message>
        <source>cannot read its size: %1</source>
        <translation>无法读取其大小：%1</translation>
    </message>
    <message>
        <source>%1 bytes, more than the limit of %2</source>
        <translation>%1 字节，超过上限 %2</translation>
    </message>
    <message>
        <source>truncated: %1 bytes, too short for the 8-byte header length</source>
        <translation>已截断：仅 %1 字节，不足以容纳 8 字节的头部长度</translation>
    </message>
    <message>
        <source>cannot read the header length</source>
        <translation>无法读取头部长度</translation>
    </message>
    <message>
        <source>header length %1 is more than the limit of %2 bytes (not a safetensors file?)</source>
        <translation>头部长度 %1 超过上限 %2 字节（不是 safetensors 文件？）</translation>
    </message>
    <message>
        <source>truncated: the header says it is %1 bytes, but only %2 follow the length</source>
        <translation>已截断：头部声明长度为 %1 字节，但长度字段之后只有 %2 字节</translation>
    </message>
    <message>
        <source>cannot read the header</source>
        <translation>无法读取头部</translation>
    </message>
    <message>
        <source>the header is not a JSON object (it must start with &apos;{&apos;)</source>
        <translation>头部不是 JSON 对象（必须以 &apos;{&apos; 开头）</translation>
    </message>
    <message>
        <source>the header is not a JSON object</source>
        <translation>头部不是 JSON 对象</translation>
    </message>
    <message>
        <source>the header lists %1 entries, more than the limit of %2</source>
        <translation>头部列出了 %1 个条目，超过上限 %2</translation>
    </message>
    <message>
        <source>must be an object of strings</source>
        <translation>必须是由字符串组成的对象</translation>
    </message>
    <message>
        <source>metadata values must be strings</source>
        <translation>元数据的值必须是字符串</translation>
    </message>
    <message>
        <source>must be an object {dtype, shape, data_offsets}</source>
        <translation>必须是对象 {dtype, shape, data_offsets}</translation>
    </message>
    <message>
        <source>unknown field (dtype, shape, data_offsets)</source>
        <translation>未知字段（可用字段：dtype、shape、data_offsets）</translation>
    </message>
    <message>
        <source>missing or not a string</source>
        <translation>缺失或不是字符串</translation>
    </message>
    <message>
        <source>unknown safetensors dtype &apos;%1&apos;</source>
        <translation>未知的 safetensors dtype &apos;%1&apos;</translation>
    </message>
    <message>
        <source>missing or not an array</source>
        <translation>缺失或不是数组</translation>
    </message>
    <message>
        <source>more than %1 dimensions</source>
        <translation>维度超过 %1 个</translation>
    </message>
    <message>
        <source>extents must be non-negative integers, not %1</source>
        <translation>各维大小必须是非负整数，而不是 %1</translation>
    </message>
    <message>
        <source>its size overflows</source>
        <translation>其大小溢出</translation>
    </message>
    <message>
        <source>must be [begin, end], two non-negative integers</source>
        <translation>必须是 [begin, end]，即两个非负整数</translation>
    </message>
    <message>
        <source>begin %1 is after end %2</source>
        <translation>begin %1 大于 end %2</translation>
    </message>
    <message>
        <source>truncated file: the tensor ends at data byte %1, but the data holds %2 bytes</source>
        <translation>文件已截断：张量结束于数据第 %1 字节，但数据只有 %2 字节</translation>
    </message>
    <message>
        <source>%1 bytes, but a %2 tensor of this shape is %3</source>
        <translation>%1 字节，但此形状的 %2 张量应为 %3 字节</translation>
    </message>
    <message>
        <source>changed since its header was read (was %1 bytes, now %2)</source>
        <translation>读取头部后文件已改变（原为 %1 字节，现为 %2）</translation>
    </message>
    <message>
        <source>truncated: cannot read %1 bytes at %2</source>
        <translation>已截断：无法在 %2 处读取 %1 字节</translation>
    </message>
    <message>
        <source>missing (required)</source>
        <translation>缺失（必填）</translation>
    </message>
    <message>
        <source>must be %1, not %2</source>
        <translation>必须是%1，而不是 %2</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他类型</translation>
    </message>
    <message>
        <source>cannot parse &apos;%1&apos;: %2</source>
        <translation>无法解析 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses &apos;%2&apos;, which is not a declared axis</source>
        <translation>&apos;%1&apos; 使用了 &apos;%2&apos;，但它不是已声明的轴</translation>
    </message>
    <message>
        <source>unknown field (distribution, low, high, mean, std, min, max, positive)</source>
        <translation>未知字段（可用：distribution、low、high、mean、std、min、max、positive）</translation>
    </message>
    <message>
        <source>low must be below high</source>
        <translation>low 必须小于 high</translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation>必须为正数</translation>
    </message>
    <message>
        <source>unknown distribution &apos;%1&apos; (uniform or normal)</source>
        <translation>未知分布 &apos;%1&apos;（应为 uniform 或 normal）</translation>
    </message>
    <message>
        <source>must be finite</source>
        <translation>必须是有限值</translation>
    </message>
    <message>
        <source>min %1 is above max %2</source>
        <translation>min %1 大于 max %2</translation>
    </message>
    <message>
        <source>a normal distribution can give any value, but the input is bounded (min, max or positive): use a uniform distribution with low and high inside the bounds</source>
        <translation>正态分布可能产生任意值，但该输入有界（min、max 或 positive）：请改用 uniform 分布，并使 low 和 high 位于界限之内</translation>
    </message>
    <message>
        <source>uniform [%1, %2) gives %3 .. %4</source>
        <translation>uniform [%1, %2) 产生 %3 .. %4</translation>
    </message>
    <message>
        <source>uniform [%1, %2)</source>
        <translation>uniform [%1, %2)</translation>
    </message>
    <message>
        <source>%1, but the input must be positive (low above 0)</source>
        <translation>%1，但该输入必须为正数（low 须大于 0）</translation>
    </message>
    <message>
        <source>%1 goes below min %2</source>
        <translation>%1 低于 min %2</translation>
    </message>
    <message>
        <source>%1 goes above max %2</source>
        <translation>%1 高于 max %2</translation>
    </message>
    <message>
        <source>missing (required; [] or null for a scalar)</source>
        <translation>缺失（必填；标量写 [] 或 null）</translation>
    </message>
    <message>
        <source>must be an array of axis names or null (a scalar), not %1</source>
        <translation>必须是轴名数组或 null（标量），而不是 %1</translation>
    </message>
    <message>
        <source>axis &apos;%1&apos; is not declared in axes</source>
        <translation>轴 &apos;%1&apos; 未在 axes 中声明</translation>
    </message>
    <message>
        <source>more than 8 dimensions</source>
        <translation>超过 8 维</translation>
    </message>
    <message>
        <source>unknown dtype &apos;%1&apos; (known: %2)</source>
        <translation>未知 dtype &apos;%1&apos;（已知：%2）</translation>
    </message>
    <message>
        <source>file &apos;%1&apos; not found (looked for %2)</source>
        <translation>找不到文件 &apos;%1&apos;（查找位置：%2）</translation>
    </message>
    <message>
        <source>an empty list (give one file or several)</source>
        <translation>列表为空（请给出一个或多个文件）</translation>
    </message>
    <message>
        <source>%1 templates, more than %2</source>
        <translation>%1 个模板，超过 %2 个</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has the name &apos;%2&apos; of another template (names are file stems)</source>
        <translation>&apos;%1&apos; 的名称 &apos;%2&apos; 与另一个模板相同（名称取自文件名主干）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a library name</source>
        <translation>&apos;%1&apos; 不是库名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not this task (&apos;%2&apos;)</source>
        <translation>&apos;%1&apos; 不是本任务（&apos;%2&apos;）</translation>
    </message>
    <message>
        <source>a trace with a solution or an evaluation is a result, not a workload</source>
        <translation>带有 solution 或 evaluation 的 trace 是结果，而不是工作负载</translation>
    </message>
    <message>
        <source>unknown field of a workload trace (definition, workload, solution, evaluation)</source>
        <translation>工作负载 trace 的未知字段（可用：definition、workload、solution、evaluation）</translation>
    </message>
    <message>
        <source>unknown field of a &apos;%1&apos; input (%2)</source>
        <translation>&apos;%1&apos; 输入的未知字段（可用：%2）</translation>
    </message>
    <message>
        <source>&apos;scalar&apos; needs a 0-d input, but this one has a shape</source>
        <translation>&apos;scalar&apos; 需要 0 维输入，但此输入有形状</translation>
    </message>
    <message>
        <source>a scalar input needs a numeric (or boolean) value</source>
        <translation>标量输入需要数值（或布尔）value</translation>
    </message>
    <message>
        <source>%1, but input &apos;%2&apos; must be positive</source>
        <translation>%1，但输入 &apos;%2&apos; 必须为正数</translation>
    </message>
    <message>
        <source>%1 is below the min %2 of input &apos;%3&apos;</source>
        <translation>%1 低于输入 &apos;%3&apos; 的 min %2</translation>
    </message>
    <message>
        <source>%1 is above the max %2 of input &apos;%3&apos;</source>
        <translation>%1 高于输入 &apos;%3&apos; 的 max %2</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a URI; KernelForge downloads nothing (give a local file)</source>
        <translation>&apos;%1&apos; 是 URI；KernelForge 不下载任何内容（请给出本地文件）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in %2 (it holds: %3)</source>
        <translation>&apos;%1&apos; 不在 %2 中（其中包含：%3）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2 is %3, but input &apos;%4&apos; is %5 (%6)</source>
        <translation>%2 中的 &apos;%1&apos; 是 %3，但输入 &apos;%4&apos; 是 %5（%6）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2 has shape %3, but input &apos;%4&apos; has shape %5 in this workload</source>
        <translation>%2 中的 &apos;%1&apos; 形状为 %3，但在此工作负载中输入 &apos;%4&apos; 的形状为 %5</translation>
    </message>
    <message>
        <source>unknown input type &apos;%1&apos; (random, scalar or safetensors)</source>
        <translation>未知输入类型 &apos;%1&apos;（应为 random、scalar 或 safetensors）</translation>
    </message>
    <message>
        <source>%1: more than %2 bytes, the limit for a workloads file</source>
        <translation>%1：超过 %2 字节，即工作负载文件的上限</translation>
    </message>
    <message>
        <source>%1: more than %2 workloads (the limit)</source>
        <translation>%1：工作负载超过 %2 个（上限）</translation>
    </message>
    <message>
        <source>%1: %2 bytes, more than the limit of %3 for one workload line</source>
        <translation>%1：%2 字节，超过单行工作负载 %3 字节的上限</translation>
    </message>
    <message>
        <source>&apos;%1&apos; appears twice</source>
        <translation>&apos;%1&apos; 出现了两次</translation>
    </message>
    <message>
        <source>not an axis of %1</source>
        <translation>不是 %1 的轴</translation>
    </message>
    <message>
        <source>is a const axis (%1) and cannot be set</source>
        <translation>是常量轴（%1），不能设置</translation>
    </message>
    <message>
        <source>must be an integer, not %1</source>
        <translation>必须是整数，而不是 %1</translation>
    </message>
    <message>
        <source>must be positive, got %1</source>
        <translation>必须为正数，实为 %1</translation>
    </message>
    <message>
        <source>no value for var axis &apos;%1&apos;</source>
        <translation>变量轴 &apos;%1&apos; 没有值</translation>
    </message>
    <message>
        <source>not an input of %1</source>
        <translation>不是 %1 的输入</translation>
    </message>
    <message>
        <source>no entry for input &apos;%1&apos;</source>
        <translation>缺少输入 &apos;%1&apos; 的条目</translation>
    </message>
    <message>
        <source>unknown backend %1 (cpu, cuda or hip)</source>
        <translation>未知后端 %1（应为 cpu、cuda 或 hip）</translation>
    </message>
    <message>
        <source>must be a positive number (a workload&apos;s share in the fitness), not %1</source>
        <translation>必须是正数（工作负载在适应度中的占比），而不是 %1</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; would be too large to allocate (its size overflows)</source>
        <translation>张量 &apos;%1&apos; 过大，无法分配（其大小溢出）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be evaluated for workload &apos;%2&apos;: %3</source>
        <translation>无法针对工作负载 &apos;%2&apos; 求值 &apos;%1&apos;：%3</translation>
    </message>
    <message>
        <source>constraint &apos;%1&apos; does not hold (%2)</source>
        <translation>约束 &apos;%1&apos; 不成立（%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 for workload &apos;%3&apos; (it must be a finite number, 0 or more)</source>
        <translation>&apos;%1&apos; 对工作负载 &apos;%3&apos; 的值为 %2（必须是大于等于 0 的有限数）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 for workload &apos;%3&apos; (it must be a positive, finite number)</source>
        <translation>&apos;%1&apos; 对工作负载 &apos;%3&apos; 的值为 %2（必须是正的有限数）</translation>
    </message>
    <message>
        <source>%1: holds no workloads</source>
        <translation>%1：不含任何工作负载</translation>
    </message>
    <message>
        <source>%1: not found (a task is a directory with definition.json and workloads.jsonl)</source>
        <translation>%1：未找到（任务是一个包含 definition.json 和 workloads.jsonl 的目录）</translation>
    </message>
    <message>
        <source>%1: not found (every task needs a workloads file beside its definition)</source>
        <translation>%1：未找到（每个任务都需要在其定义旁边有一个工作负载文件）</translation>
    </message>
    <message>
        <source>%1: more than %2 bytes, the limit for a task definition</source>
        <translation>%1：超过 %2 字节，即任务定义的上限</translation>
    </message>
    <message>
        <source>missing (a const axis needs a value)</source>
        <translation>缺失（常量轴需要 value）</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>unknown axis type &apos;%1&apos; (const or var)</source>
        <translation>未知轴类型 &apos;%1&apos;（应为 const 或 var）</translation>
    </message>
    <message>
        <source>a task needs at least one output</source>
        <translation>任务至少需要一个输出</translation>
    </message>
    <message>
        <source>has the same name as an input</source>
        <translation>与某个输入同名</translation>
    </message>
    <message>
        <source>missing: KernelForge needs a native reference (kforge.native.&lt;backend&gt;.reference)</source>
        <translation>缺失：KernelForge 需要原生参考实现（kforge.native.&lt;backend&gt;.reference）</translation>
    </message>
    <message>
        <source>atol and rtol must not be negative</source>
        <translation>atol 和 rtol 不能为负</translation>
    </message>
    <message>
        <source>must be &apos;bitwise&apos; or &apos;tolerance&apos;</source>
        <translation>必须是 &apos;bitwise&apos; 或 &apos;tolerance&apos;</translation>
    </message>
    <message>
        <source>not an input of this task</source>
        <translation>不是本任务的输入</translation>
    </message>
    <message>
        <source>unknown field (name, run)</source>
        <translation>未知字段（可用：name、run）</translation>
    </message>
    <message>
        <source>defines no function run(...)</source>
        <translation>未定义函数 run(...)</translation>
    </message>
    <message>
        <source>unknown backend (cpu, cuda or hip)</source>
        <translation>未知后端（应为 cpu、cuda 或 hip）</translation>
    </message>
    <message>
        <source>names no backend</source>
        <translation>未指定任何后端</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no @tune declares %1</source>
        <translation>没有 @tune 声明 %1</translation>
    </message>
    <message>
        <source>no @tune declares %1 (declared: %2)</source>
        <translation>没有 @tune 声明 %1（已声明：%2）</translation>
    </message>
    <message>
        <source>%1=%2 is not one of its @tune values (line %3: %4)</source>
        <translation>%1=%2 不是其 @tune 取值之一（第 %3 行：%4）</translation>
    </message>
    <message>
        <source>%1 breaks @constraint %2 (line %3)</source>
        <translation>%1 违反 @constraint %2（第 %3 行）</translation>
    </message>
    <message>
        <source>the line has %1 characters, more than the limit of %2</source>
        <translation>该行有 %1 个字符，超过上限 %2</translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation>该行不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>more than %1 parameters (the limit)</source>
        <translation>参数超过 %1 个（上限）</translation>
    </message>
    <message>
        <source>@tune needs a parameter name, got &apos;%1&apos;</source>
        <translation>@tune 需要参数名，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>@tune %1 is declared twice (first on line %2)</source>
        <translation>@tune %1 重复声明（首次声明在第 %2 行）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a value (numbers or identifiers)</source>
        <translation>&apos;%1&apos; 不是有效取值（应为数字或标识符）</translation>
    </message>
    <message>
        <source>more than %1 values (the limit)</source>
        <translation>取值超过 %1 个（上限）</translation>
    </message>
    <message>
        <source>value %1 is listed twice</source>
        <translation>取值 %1 重复列出</translation>
    </message>
    <message>
        <source>@tune %1 lists no values</source>
        <translation>@tune %1 未列出任何取值</translation>
    </message>
    <message>
        <source>more than %1 constraints (the limit)</source>
        <translation>约束超过 %1 条（上限）</translation>
    </message>
    <message>
        <source>more than %1 seeds (the limit)</source>
        <translation>种子超过 %1 个（上限）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not NAME=VALUE</source>
        <translation>&apos;%1&apos; 不是 NAME=VALUE 形式</translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation>%1 重复给出</translation>
    </message>
    <message>
        <source>@seed names no parameters (write NAME=VALUE ...)</source>
        <translation>@seed 未指定任何参数（写法：NAME=VALUE ...）</translation>
    </message>
    <message>
        <source>@constraint uses &apos;%1&apos;, which no @tune declares</source>
        <translation>@constraint 使用了 &apos;%1&apos;，但没有 @tune 声明它</translation>
    </message>
    <message>
        <source>the source declares no @tune %1 (it declares no @tune parameters at all)</source>
        <translation>源文件未声明 @tune %1（源文件中没有任何 @tune 参数）</translation>
    </message>
    <message>
        <source>the source declares no @tune %1 (it declares %2)</source>
        <translation>源文件未声明 @tune %1（已声明：%2）</translation>
    </message>
    <message>
        <source>cannot create the compile cache: %1</source>
        <translation>无法创建编译缓存：%1</translation>
    </message>
    <message>
        <source>more than %1 keys in one object (the limit)</source>
        <translation>单个对象中的键超过 %1 个（上限）</translation>
    </message>
    <message>
        <source>key &apos;%1&apos; appears twice</source>
        <translation>键 &apos;%1&apos; 出现了两次</translation>
    </message>
    <message>
        <source>%1: %2 bytes, more than the limit of %3 bytes for JSON input</source>
        <translation>%1：%2 字节，超过 JSON 输入 %3 字节的上限</translation>
    </message>
    <message>
        <source>%1: invalid JSON: %2</source>
        <translation>%1：无效的 JSON：%2</translation>
    </message>
    <message>
        <source>%1: invalid JSON at line %2, column %3: %4</source>
        <translation>%1：第 %2 行第 %3 列处 JSON 无效：%4</translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation>无效的 JSON</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>more than %1 bytes, the limit for %2</source>
        <translation>超过 %1 字节，即%2的上限</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>无法写入该文件</translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation>无法写入该文件：%1</translation>
    </message>
    <message>
        <source>a session file</source>
        <translation>会话文件</translation>
    </message>
    <message>
        <source>a compiled library</source>
        <translation>编译后的库</translation>
    </message>
    <message>
        <source>a task definition</source>
        <translation>任务定义</translation>
    </message>
    <message>
        <source>a workloads file</source>
        <translation>工作负载文件</translation>
    </message>
    <message>
        <source>a candidate&apos;s source</source>
        <translation>候选源码</translation>
    </message>
    <message>
        <source>unknown backend &apos;%1&apos; (cpu, cuda or hip)</source>
        <translation>未知的后端 &apos;%1&apos;（cpu、cuda 或 hip）</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实为 %1</translation>
    </message>
    <message>
        <source>expected &apos;compute&apos; or &apos;memory&apos;</source>
        <translation>应为 &apos;compute&apos; 或 &apos;memory&apos;</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>必须至少为 1</translation>
    </message>
    <message>
        <source>runner_index must be &gt;= 0 and to &gt;= from</source>
        <translation>runner_index 必须 &gt;= 0，且 to &gt;= from</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实为 %1</translation>
    </message>
    <message>
        <source>integer out of range</source>
        <translation>整数超出范围</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>应为整数，实为 %1</translation>
    </message>
    <message>
        <source>expected a non-negative integer, got %1</source>
        <translation>应为非负整数，实为 %1</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>应为数字，实为 %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实为 %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>应为数组，实为 %1</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>not a configuration: %1</source>
        <translation>不是有效的配置：%1</translation>
    </message>
    <message>
        <source>unknown state &apos;%1&apos; (pending or done)</source>
        <translation>未知状态 &apos;%1&apos;（应为 pending 或 done）</translation>
    </message>
    <message>
        <source>expected [name, value]</source>
        <translation>应为 [name, value]</translation>
    </message>
    <message>
        <source>runner endpoint &apos;%1&apos;: column %2: %3</source>
        <translation>运行器端点 &apos;%1&apos;：第 %2 列：%3</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1为空</translation>
    </message>
    <message>
        <source>%1 must not start with &apos;-&apos;</source>
        <translation>%1不能以 &apos;-&apos; 开头</translation>
    </message>
    <message>
        <source>%1 holds &apos;%2&apos;, which is not allowed here</source>
        <translation>%1含有此处不允许的字符 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 must be a number in %2..%3, not &apos;%4&apos;</source>
        <translation>%1必须是 %2..%3 之间的数字，而不是 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos; (cpu, cuda[:N], hip[:N], ssh://... or slurm://...)</source>
        <translation>未知设备 &apos;%1&apos;（可用：cpu、cuda[:N]、hip[:N]、ssh://... 或 slurm://...）</translation>
    </message>
    <message>
        <source>the CPU has no device number</source>
        <translation>CPU 没有设备编号</translation>
    </message>
    <message>
        <source>the device number</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>an option is key=value, not &apos;%1&apos;</source>
        <translation>选项应为 key=value 形式，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; (%2)</source>
        <translation>未知选项 &apos;%1&apos;（可用：%2）</translation>
    </message>
    <message>
        <source>option &apos;%1&apos; is given twice</source>
        <translation>选项 &apos;%1&apos; 重复给出</translation>
    </message>
    <message>
        <source>an ssh endpoint has no path; give the runner as ?runner=PATH</source>
        <translation>ssh 端点不带路径；请用 ?runner=PATH 指定运行器</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>the port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>the runner path</source>
        <translation>运行器路径</translation>
    </message>
    <message>
        <source>the ssh config path</source>
        <translation>ssh 配置文件路径</translation>
    </message>
    <message>
        <source>the partition</source>
        <translation>分区名</translation>
    </message>
    <message>
        <source>a partition name holds no &apos;/&apos; or &apos;:&apos;</source>
        <translation>分区名不能含有 &apos;/&apos; 或 &apos;:&apos;</translation>
    </message>
    <message>
        <source>the gres</source>
        <translation>gres</translation>
    </message>
    <message>
        <source>the time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>empty (cpu, cuda[:N], hip[:N], ssh://[user@]host[:port] or slurm://PARTITION)</source>
        <translation>为空（可用：cpu、cuda[:N]、hip[:N]、ssh://[user@]host[:port] 或 slurm://PARTITION）</translation>
    </message>
    <message>
        <source>unknown scheme &apos;%1://&apos; (ssh:// or slurm://)</source>
        <translation>未知协议 &apos;%1://&apos;（应为 ssh:// 或 slurm://）</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;</source>
        <translation>未知状态 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected an array of stop causes, got %1</source>
        <translation>应为停止原因数组，实为 %1</translation>
    </message>
    <message>
        <source>%1 is not a stop cause (evaluations, time, plateau, target, tokens, cost, user, edits_evaluated, nothing_to_tune, exhausted)</source>
        <translation>%1 不是停止原因（可用：evaluations、time、plateau、target、tokens、cost、user、edits_evaluated、nothing_to_tune、exhausted）</translation>
    </message>
    <message>
        <source>missing or not an object</source>
        <translation>缺失或不是对象</translation>
    </message>
    <message>
        <source>killed at the deadline</source>
        <translation>到达时限后被终止</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <source>unknown exit</source>
        <translation>未知的退出方式</translation>
    </message>
    <message>
        <source>unknown basis &apos;%1&apos; (best or native)</source>
        <translation>未知的基准 &apos;%1&apos;（可选 best 或 native）</translation>
    </message>
    <message>
        <source>the runner at %1</source>
        <translation>位于 %1 的运行器</translation>
    </message>
    <message>
        <source>the runner</source>
        <translation>运行器</translation>
    </message>
    <message>
        <source>%1 spoke an unknown protocol: %2</source>
        <translation>%1 使用了未知的协议：%2</translation>
    </message>
    <message>
        <source>of an older build</source>
        <translation>（较旧的构建）</translation>
    </message>
    <message>
        <source>%1 is kforge-runner %2 (protocol %3), this kforge is %4 (protocol %5): install the same build on both sides</source>
        <translation>%1 是 kforge-runner %2（协议 %3），而此 kforge 是 %4（协议 %5）：请在两端安装同一构建</translation>
    </message>
    <message>
        <source>no device</source>
        <translation>没有设备</translation>
    </message>
    <message>
        <source>%1 (it ran in the bubblewrap sandbox; --no-sandbox runs it without)</source>
        <translation>%1（它在 bubblewrap 沙箱中运行；--no-sandbox 可不用沙箱运行）</translation>
    </message>
    <message>
        <source>cannot start the runner %1: %2</source>
        <translation>无法启动运行器 %1：%2</translation>
    </message>
    <message>
        <source>the runner did not start (%1) (it ran in the bubblewrap sandbox; --no-sandbox runs it without): %2</source>
        <translation>运行器未能启动（%1）（它在 bubblewrap 沙箱中运行；--no-sandbox 可不用沙箱运行）：%2</translation>
    </message>
    <message>
        <source>the runner did not start (%1): %2</source>
        <translation>运行器未能启动（%1）：%2</translation>
    </message>
    <message>
        <source>the runner did not answer hello: %1</source>
        <translation>运行器没有回应 hello：%1</translation>
    </message>
    <message>
        <source>the runner&apos;s hello failed: %1</source>
        <translation>运行器的 hello 失败：%1</translation>
    </message>
    <message>
        <source>kforge-runner (on the PATH)</source>
        <translation>kforge-runner（在 PATH 中）</translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect (the key was refused: ssh-copy-id, or load the key into ssh-agent; KernelForge never asks for a password)%2</source>
        <translation>运行器端点 %1：ssh 无法连接（密钥被拒绝：请用 ssh-copy-id，或把密钥加载到 ssh-agent；KernelForge 从不询问密码）%2</translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect (the host key is not known: connect once with ssh to accept it)%2</source>
        <translation>运行器端点 %1：ssh 无法连接（主机密钥未知：先用 ssh 连接一次以接受它）%2</translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect (is the host name right and sshd running there?)%2</source>
        <translation>运行器端点 %1：ssh 无法连接（主机名是否正确？那台主机上的 sshd 是否在运行？）%2</translation>
    </message>
    <message>
        <source>runner endpoint %1: ssh could not connect%2</source>
        <translation>运行器端点 %1：ssh 无法连接%2</translation>
    </message>
    <message>
        <source>runner endpoint %1: %2 is not there or cannot run on %3 (install it there, or name it with ?runner=/path/to/kforge-runner)%4</source>
        <translation>运行器端点 %1：%2 不存在或无法在 %3 上运行（请在那里安装它，或用 ?runner=/path/to/kforge-runner 指定它）%4</translation>
    </message>
    <message>
        <source>runner endpoint %1: srun (Slurm&apos;s client) or %2 on the node could not be run%3</source>
        <translation>运行器端点 %1：无法运行 srun（Slurm 的客户端）或节点上的 %2%3</translation>
    </message>
    <message>
        <source>runner endpoint %1: srun did not start the runner (%2; is %3 installed on the partition&apos;s nodes?)%4</source>
        <translation>运行器端点 %1：srun 未能启动运行器（%2；分区的节点上是否安装了 %3？）%4</translation>
    </message>
    <message>
        <source>runner endpoint %1: the runner did not start (%2)%3</source>
        <translation>运行器端点 %1：运行器未能启动（%2）%3</translation>
    </message>
    <message>
        <source>a FlashInfer-Bench dataset: definition, workloads, Solution and Trace JSON</source>
        <translation>FlashInfer-Bench 数据集：定义、工作负载、Solution 与 Trace JSON</translation>
    </message>
    <message>
        <source>FlashInfer-Bench&apos;s languages are python, triton, cpp, cuda and tilelang; it has no %1</source>
        <translation>FlashInfer-Bench 支持的语言为 python、triton、cpp、cuda 和 tilelang，不支持 %1</translation>
    </message>
    <message>
        <source>the Hugging Face kernel-builder layout (build.toml, torch-ext), buildable with setuptools too</source>
        <translation>Hugging Face kernel-builder 目录结构（build.toml、torch-ext），也可用 setuptools 构建</translation>
    </message>
    <message>
        <source>the kernel as one source file with its configuration, build command and measurements</source>
        <translation>内核为单个源文件，附带其配置、构建命令和测量结果</translation>
    </message>
    <message>
        <source>a pip-installable PyTorch op package (TORCH_LIBRARY, cpp_extension, register_fake, test, benchmark)</source>
        <translation>可用 pip 安装的 PyTorch 算子包（TORCH_LIBRARY、cpp_extension、register_fake、测试、基准）</translation>
    </message>
    <message>
        <source>the tuning cache was not read: %1</source>
        <translation>未能读取调优缓存：%1</translation>
    </message>
    <message>
        <source>tuning cache: workload %1 ran %2x faster with %3 (%4 ms against %5 ms here; node %6 of session %7, %8; `kforge cache show %9`)</source>
        <translation>调优缓存：工作负载 %1 使用 %3 时快 %2 倍（%4 ms，此处为 %5 ms；会话 %7 的节点 %6，%8；`kforge cache show %9`）</translation>
    </message>
    <message>
        <source>Bayesian optimization</source>
        <translation>贝叶斯优化</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格搜索</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机搜索</translation>
    </message>
    <message>
        <source>Simulated annealing</source>
        <translation>模拟退火</translation>
    </message>
    <message>
        <source>Genetic</source>
        <translation>遗传算法</translation>
    </message>
    <message>
        <source>unknown search strategy &apos;%1&apos; (known: %2)</source>
        <translation>未知的搜索策略 &apos;%1&apos;（可选：%2）</translation>
    </message>
    <message>
        <source>Upper confidence bound</source>
        <translation>置信上界</translation>
    </message>
    <message>
        <source>Best first</source>
        <translation>最佳优先</translation>
    </message>
    <message>
        <source>Beam</source>
        <translation>束搜索</translation>
    </message>
    <message>
        <source>unknown selection policy &apos;%1&apos; (known: %2)</source>
        <translation>未知的选择策略 &apos;%1&apos;（可选：%2）</translation>
    </message>
    <message>
        <source>the task&apos;s baseline is PyTorch eager, which runs on this machine&apos;s device only</source>
        <translation>任务的基线是 PyTorch eager，它只在本机的设备上运行</translation>
    </message>
    <message>
        <source>its %1 needs code for %2, and the session compiles for %3</source>
        <translation>它的 %1 需要为 %2 编译的代码，而会话编译的目标是 %3</translation>
    </message>
    <message>
        <source>its CPU is a %1, and the session compiles for this host&apos;s %2 (-march=native)</source>
        <translation>它的 CPU 是 %1，而会话针对本机的 %2 编译（-march=native）</translation>
    </message>
    <message>
        <source>names no device</source>
        <translation>未指明设备</translation>
    </message>
    <message>
        <source>its device is a %1 and the session&apos;s a %2, where the PyTorch baselines its speedups are over were measured (a session with --speedup-against native spreads over device models)</source>
        <translation>它的设备是 %1，而会话的设备是 %2，加速比所依据的 PyTorch 基线是在后者上测得的（使用 --speedup-against native 的会话可分布在不同型号的设备上）</translation>
    </message>
    <message>
        <source>%1 has a %2, not the session&apos;s %3: the task&apos;s %4 was measured there, and its candidates&apos; speedups are over that</source>
        <translation>%1 的设备是 %2，而非会话的 %3：已在其上测量任务的%4，它所测候选内核的加速比均相对于此</translation>
    </message>
    <message>
        <source>its device is a %1, and the task&apos;s %2 could not be measured there: %3</source>
        <translation>它的设备是 %1，无法在其上测量任务的%2：%3</translation>
    </message>
    <message>
        <source>a session&apos;s baselines on other devices</source>
        <translation>会话在其他设备上的基线</translation>
    </message>
</context>
<context>
    <name>QAbstractItemView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
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
    <message>
        <source>Build:</source>
        <translation>构建：</translation>
    </message>
    <message>
        <source>Links:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <source>License text</source>
        <translation>许可证全文</translation>
    </message>
    <message>
        <source>FlashInfer-Bench schema</source>
        <translation>FlashInfer-Bench 数据格式</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>QScintilla</source>
        <translation>QScintilla</translation>
    </message>
</context>
<context>
    <name>kforge::ui::AgentPanel</name>
    <message>
        <source>[retrying: %1]</source>
        <translation>[重试：%1]</translation>
    </message>
    <message>
        <source>The answer about node #%1, streaming (retries: %2):</source>
        <translation>关于节点 #%1 的回答，正在流式接收（重试 %2 次）：</translation>
    </message>
    <message>
        <source>The answer about node #%1, streaming:</source>
        <translation>关于节点 #%1 的回答，正在流式接收：</translation>
    </message>
    <message>
        <source>No exchanges with the LLM agent in this session.</source>
        <translation>本会话中没有与 LLM 智能体的交互。</translation>
    </message>
    <message>
        <source>Select an exchange to read its prompt and answer.</source>
        <translation>选择一次交互以查看其提示词和回答。</translation>
    </message>
    <message>
        <source>=== System ===</source>
        <translation>=== 系统 ===</translation>
    </message>
    <message>
        <source>=== Assistant ===</source>
        <translation>=== 助手 ===</translation>
    </message>
    <message>
        <source>=== User ===</source>
        <translation>=== 用户 ===</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 / %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 / %4</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Outcome %1; %2 s (first token after %3 s); %4 input + %5 output tokens%6; cost %7</source>
        <translation>结果 %1；%2 秒（首个词元于 %3 秒后）；输入 %4 + 输出 %5 个词元%6；费用 %7</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>%1: HTTP %2, %3 s%4</source>
        <translation>%1：状态码 %2，%3 秒%4</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>尝试：%1</translation>
    </message>
    <message>
        <source>Exchanges: %1 · tokens: %2 in + %3 out · cost: %4</source>
        <translation>交互：%1 · 词元：输入 %2 + 输出 %3 · 费用：%4</translation>
    </message>
    <message>
        <source>%1 — devices: %2; operators: %3; bottlenecks: %4</source>
        <translation>%1 — 设备：%2；算子：%3；瓶颈：%4</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Knowledge Notes</source>
        <translation>知识笔记</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Notes the agent reads when their tags fit the session&apos;s device, operator type and bottleneck.</source>
        <translation>当标签与会话的设备、算子类型和瓶颈相符时，智能体会阅读这些笔记。</translation>
    </message>
    <message>
        <source>No answer is streaming.</source>
        <translation>当前没有正在流式接收的回答。</translation>
    </message>
    <message>
        <source>Node #%1 (answered)</source>
        <translation>节点 #%1（已回答）</translation>
    </message>
    <message>
        <source>Node #%1 (streaming)</source>
        <translation>节点 #%1（流式输出中）</translation>
    </message>
    <message>
        <source>The answer about node #%1 (complete):</source>
        <translation>关于节点 #%1 的回答（已完成）：</translation>
    </message>
</context>
<context>
    <name>kforge::ui::Application</name>
    <message>
        <source>KernelForge: a workbench for making compute kernels fast</source>
        <translation>KernelForge：让计算内核更快的工作台</translation>
    </message>
    <message>
        <source>Start a demo session on the best device found.</source>
        <translation>在找到的最佳设备上启动一个演示会话。</translation>
    </message>
</context>
<context>
    <name>kforge::ui::ChartExport</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>A chart saved by KernelForge</source>
        <translation>由 KernelForge 保存的图表</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>nothing was drawn</source>
        <translation>没有绘制任何内容</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png or .svg.</source>
        <translation>请选择以 .png 或 .svg 结尾的文件名。</translation>
    </message>
</context>
<context>
    <name>kforge::ui::Charts</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>PyTorch eager</source>
        <translation>PyTorch eager</translation>
    </message>
    <message>
        <source>torch.compile</source>
        <translation>torch.compile</translation>
    </message>
    <message>
        <source>Vendor op</source>
        <translation>厂商算子</translation>
    </message>
</context>
<context>
    <name>kforge::ui::ChartsPanel</name>
    <message>
        <source>Relative to the baseline</source>
        <translation>相对于基线</translation>
    </message>
    <message>
        <source>Trajectory</source>
        <translation>优化轨迹</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Roofline</source>
        <translation>Roofline 图</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the chart shown as a PNG image or an SVG drawing</source>
        <translation>将当前显示的图表保存为 PNG 图像或 SVG 矢量图</translation>
    </message>
    <message>
        <source>Show each workload&apos;s latency as a multiple of the baseline&apos;s median</source>
        <translation>将每个工作负载的延迟显示为基线中位数的倍数</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png or .svg.</source>
        <translation>请选择以 .png 或 .svg 结尾的文件名。</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数空间</translation>
    </message>
    <message>
        <source>The tuner&apos;s configurations by their parameter values, coloured by speedup</source>
        <translation>调优器尝试过的配置，按参数取值排布，按加速比着色</translation>
    </message>
    <message>
        <source>The tab shown is not a chart that can be saved.</source>
        <translation>当前标签页不是可保存的图表。</translation>
    </message>
</context>
<context>
    <name>kforge::ui::DeviceDetection</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>sm %1, %2 SMs</source>
        <translation>sm %1，%2 个 SM</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n 个核心</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 GB/s copy</source>
        <translation>拷贝带宽 %1 GB/s</translation>
    </message>
    <message>
        <source>%1 TFLOP/s %2</source>
        <translation>%2 峰值 %1 TFLOP/s</translation>
    </message>
</context>
<context>
    <name>kforge::ui::DevicePage</name>
    <message>
        <source>Device: still detecting devices; a moment, please.</source>
        <translation>设备：仍在检测设备，请稍候。</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Device: choose a device to run on.</source>
        <translation>设备：请选择用于运行的设备。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Where candidates are verified and timed. Every candidate is compared with the task&apos;s baseline measured on the same device.</source>
        <translation>候选内核在此设备上进行校验和计时。每个候选内核都会与在同一设备上测得的任务基线进行比较。</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation>编译器</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Detecting devices… (each backend&apos;s runner starts and measures its device)</source>
        <translation>正在检测设备…（每个后端的运行器会启动并测量其设备）</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) found.</source>
        <translation>
            <numerusform>找到 %n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>no %1 device here (%2)</source>
        <translation>本机没有 %1 设备（%2）</translation>
    </message>
    <message>
        <source>the task has no %1 implementation</source>
        <translation>该任务没有 %1 实现</translation>
    </message>
    <message>
        <source>none of the task&apos;s workloads runs on %1</source>
        <translation>该任务的工作负载均无法在 %1 上运行</translation>
    </message>
    <message>
        <source>compiler not found</source>
        <translation>未找到编译器</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到设备</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>L2 cache</source>
        <translation>L2 缓存</translation>
    </message>
    <message>
        <source>Last-level cache</source>
        <translation>末级缓存</translation>
    </message>
    <message>
        <source>SM clock</source>
        <translation>SM 时钟频率</translation>
    </message>
    <message>
        <source>%1 MHz</source>
        <translation>%1 MHz</translation>
    </message>
    <message>
        <source>Bandwidth from</source>
        <translation>带宽来源</translation>
    </message>
    <message>
        <source>Peak from</source>
        <translation>峰值来源</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Candidates are spread over the runners set in Settings &gt; Devices: %1. The first measures the baseline; the device chosen here must be theirs.</source>
        <translation>候选内核将分配到“设置 &gt; 设备”中设定的运行器上：%1。第一个运行器测量基线；此处选择的设备必须与它们一致。</translation>
    </message>
</context>
<context>
    <name>kforge::ui::DevicesPage</name>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: none found</source>
        <translation>%1：未找到</translation>
    </message>
    <message>
        <source>&amp;Default device:</source>
        <translation>默认设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Best available (now: %1)</source>
        <translation>最佳可用设备（当前：%1）</translation>
    </message>
    <message>
        <source>Best available</source>
        <translation>最佳可用设备</translation>
    </message>
    <message>
        <source>Detecting devices… (each backend&apos;s runner starts and measures its device)</source>
        <translation>正在检测设备…（每个后端的运行器会启动并测量其设备）</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) found.</source>
        <translation>
            <numerusform>找到 %n 个设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new-session wizard and the demo start on this device when it is there, and on the best available one otherwise (CUDA, then HIP, then the CPU).</source>
        <translation>新建会话向导和演示会在此设备存在时使用它，否则使用最佳可用设备（依次为 CUDA、HIP、CPU）。</translation>
    </message>
    <message>
        <source>Runners: %1</source>
        <translation>运行器：%1</translation>
    </message>
    <message>
        <source>&amp;Runners:</source>
        <translation>运行器(&amp;R)：</translation>
    </message>
    <message>
        <source>this machine&apos;s device</source>
        <translation>本机设备</translation>
    </message>
    <message>
        <source>Sessions spread their candidates over these runners, one measurement at a time per device: GPUs of this machine (cuda:0,cuda:1), hosts over SSH (ssh://user@gpu-box) and Slurm partitions (slurm://gpu?gres=gpu:1). The first measures the baseline; the others must have the same device model. Empty: this machine&apos;s device.</source>
        <translation>会话将候选内核分配到这些运行器上，每个设备一次只进行一项测量：本机的 GPU（cuda:0,cuda:1）、通过 SSH 访问的主机（ssh://user@gpu-box）以及 Slurm 分区（slurm://gpu?gres=gpu:1）。第一个运行器测量基线；其余运行器必须使用同一型号的设备。留空：使用本机设备。</translation>
    </message>
</context>
<context>
    <name>kforge::ui::DiffEditor</name>
    <message>
        <source>Previous change</source>
        <translation>上一处更改</translation>
    </message>
    <message>
        <source>Previous change (Alt+Up, Shift+F7)</source>
        <translation>上一处更改（Alt+Up, Shift+F7）</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下一处更改</translation>
    </message>
    <message>
        <source>Next change (Alt+Down, F7)</source>
        <translation>下一处更改（Alt+Down, F7）</translation>
    </message>
    <message>
        <source>Evaluate as child</source>
        <translation>作为子节点评估</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 处更改</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 处更改</translation>
    </message>
    <message>
        <source>+%1 −%2, %3</source>
        <translation>+%1 −%2, %3</translation>
    </message>
    <message>
        <source>newline at end of file differs</source>
        <translation>文件末尾的换行符不同</translation>
    </message>
    <message>
        <source>line endings differ</source>
        <translation>行尾符不同</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>第 %1 处更改，共 %2 处</translation>
    </message>
    <message>
        <source>Compile, verify and time the edited source as a new child node (%1)</source>
        <translation>将编辑后的源代码作为新的子节点进行编译、校验和计时（%1）</translation>
    </message>
</context>
<context>
    <name>kforge::ui::ExchangeModel</name>
    <message>
        <source>node #%1</source>
        <translation>节点 #%1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>no node (%1)</source>
        <translation>无节点（%1）</translation>
    </message>
    <message>
        <source>#%1 → #%2</source>
        <translation>#%1 → #%2</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 + %2%3</source>
        <translation>%1 + %2%3</translation>
    </message>
    <message>
        <source> (est.)</source>
        <translation>（估）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Parent → node</source>
        <translation>父节点 → 节点</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Tokens in + out</source>
        <translation>词元（输入 + 输出）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>kforge::ui::ExportDialog</name>
    <message>
        <source>Making the files…</source>
        <translation>正在生成文件…</translation>
    </message>
    <message>
        <source>This export cannot be made: %1</source>
        <translation>无法进行此导出:%1</translation>
    </message>
    <message>
        <source>%1  (%2 bytes)</source>
        <translation>%1  (%2 字节)</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>There is nothing to export: %1</source>
        <translation>没有可导出的内容:%1</translation>
    </message>
    <message>
        <source>Directory: give a new or empty directory to export into.</source>
        <translation>目录:请指定一个新的或空的目录作为导出目标。</translation>
    </message>
    <message>
        <source>Could not export into %1: %2</source>
        <translation>无法导出到 %1:%2</translation>
    </message>
    <message>
        <source>Export Node #%1 of %2</source>
        <translation>导出 %2 的节点 #%1</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Dispatch by shape: each workload&apos;s fastest node, chosen at call time by the nearest tuned shape</source>
        <translation>按形状分派(&amp;D):每个工作负载使用其最快的节点,调用时按最接近的已调优形状选择</translation>
    </message>
    <message>
        <source>&amp;Directory:</source>
        <translation>目录(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Files (making them…)</source>
        <translation>文件(生成中…)</translation>
    </message>
    <message>
        <source>Files (%1 variants, dispatched by shape)</source>
        <translation>文件(%1 个变体,按形状分派)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>kforge::ui::GeneralPage</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Both take effect at once in every open window. Charts, the search tree and the code diff follow the theme.</source>
        <translation>两项设置都会立即在所有打开的窗口中生效。图表、搜索树和代码差异视图会随主题变化。</translation>
    </message>
    <message>
        <source>Run candidates &amp;without the sandbox</source>
        <translation>不使用沙箱运行候选内核(&amp;W)</translation>
    </message>
    <message>
        <source>Unsafe: candidates are compiled and run with bubblewrap (no network, no home directory, no workspace) unless this is on. With it on, a candidate&apos;s code can read and write your files and reach the network as you. Applies to runs started afterwards.</source>
        <translation>不安全：未勾选时，候选内核在 bubblewrap 沙箱中编译和运行（无网络、无主目录、无工作区）。勾选后，候选内核的代码能以你的身份读写你的文件并访问网络。对此后开始的运行生效。</translation>
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
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Saved the chart to %1</source>
        <translation>已将图表保存到 %1</translation>
    </message>
    <message>
        <source>Could not save the chart to %1: %2</source>
        <translation>无法将图表保存到 %1：%2</translation>
    </message>
    <message>
        <source>Exported node #%1 to %2</source>
        <translation>已将节点 #%1 导出到 %2</translation>
    </message>
    <message>
        <source>Could not export node #%1 to %2: %3</source>
        <translation>无法将节点 #%1 导出到 %2：%3</translation>
    </message>
    <message>
        <source>Session %1 %2: %3</source>
        <translation>会话 %1 %2：%3</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>Run Failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>A session is already running: stop it first.</source>
        <translation>已有会话正在运行，请先停止它。</translation>
    </message>
    <message>
        <source>Measuring the baseline of %1…</source>
        <translation>正在测量 %1 的基线…</translation>
    </message>
    <message>
        <source>edited in the diff editor</source>
        <translation>在差异编辑器中编辑</translation>
    </message>
    <message>
        <source>A run is under way: stop it, then evaluate the edit (it is kept in the editor).</source>
        <translation>正在运行中：请先停止运行，再评估此编辑（编辑内容会保留在编辑器中）。</translation>
    </message>
    <message>
        <source>Evaluating the edit of node #%1 as its child…</source>
        <translation>正在将节点 #%1 的编辑作为其子节点进行评估…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;New Session…</source>
        <translation>新建会话(&amp;N)…</translation>
    </message>
    <message>
        <source>Choose a task, a device and a search, and start optimizing</source>
        <translation>选择任务、设备和搜索方式，然后开始优化</translation>
    </message>
    <message>
        <source>&amp;Export Node…</source>
        <translation>导出节点(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话列表</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点列表</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Node Details</source>
        <translation>节点详情</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Looking for the best device for the demo…</source>
        <translation>正在为演示寻找最佳设备…</translation>
    </message>
    <message>
        <source>Demo: %1 on %2</source>
        <translation>演示：%2 上的 %1</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, theme, toolchain paths and the default device</source>
        <translation>语言、主题、工具链路径和默认设备</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Profiled node #%1 with Nsight Compute.</source>
        <translation>已用 Nsight Compute 剖析节点 #%1。</translation>
    </message>
    <message>
        <source>Node #%1 was not profiled: %2</source>
        <translation>节点 #%1 未剖析：%2</translation>
    </message>
    <message>
        <source>Profiling uses Nsight Compute, which needs a session on the CUDA backend.</source>
        <translation>剖析使用 Nsight Compute，需要在 CUDA 后端上的会话。</translation>
    </message>
    <message>
        <source>A run is under way: stop it, then profile the node.</source>
        <translation>有运行正在进行：请先停止，再剖析该节点。</translation>
    </message>
    <message>
        <source>Profiling node #%1 with Nsight Compute…</source>
        <translation>正在用 Nsight Compute 剖析节点 #%1…</translation>
    </message>
    <message>
        <source>No Sandbox</source>
        <translation>无沙箱</translation>
    </message>
    <message>
        <source>Candidates are compiled and run without a sandbox.</source>
        <translation>候选内核在没有沙箱的情况下编译和运行。</translation>
    </message>
    <message>
        <source>Exported node #%1 to %2 (%3 files)</source>
        <translation>已将节点 #%1 导出到 %2(%3 个文件)</translation>
    </message>
    <message>
        <source>Export the selected node (or the best) as a source file, a PyTorch op package, a kernel-builder package or a FlashInfer-Bench solution</source>
        <translation>将所选节点(或最佳节点)导出为源文件、PyTorch 算子包、kernel-builder 包或 FlashInfer-Bench 解决方案</translation>
    </message>
    <message>
        <source>Measured node #%1 again: %2× → %3× its speedup.</source>
        <translation>已重新测量节点 #%1：加速比 %2× → %3×。</translation>
    </message>
    <message>
        <source>Node #%1 failed when measured again (%2): %3</source>
        <translation>节点 #%1 重新测量时失败（%2）：%3</translation>
    </message>
    <message>
        <source>A run is under way: stop it, then measure the node again.</source>
        <translation>有运行正在进行：请先停止，再重新测量该节点。</translation>
    </message>
    <message>
        <source>Measuring node #%1 again…</source>
        <translation>正在重新测量节点 #%1…</translation>
    </message>
</context>
<context>
    <name>kforge::ui::NewSessionWizard</name>
    <message>
        <source>New Session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeDetails</name>
    <message>
        <source>Select a node to see its verdict, diagnostics, verification and timing.</source>
        <translation>选择一个节点以查看其判定结果、诊断信息、校验和计时。</translation>
    </message>
    <message>
        <source>Node %1 · %2</source>
        <translation>节点 %1 · %2</translation>
    </message>
    <message>
        <source> · child of node %1</source>
        <translation> · 节点 %1 的子节点</translation>
    </message>
    <message>
        <source>speedup %1× (geometric mean over workloads)</source>
        <translation>加速比 %1×（各工作负载的几何平均值）</translation>
    </message>
    <message>
        <source>fitness %1</source>
        <translation>适应度 %1</translation>
    </message>
    <message>
        <source>evaluated in %1 s</source>
        <translation>评估耗时 %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n runner restart(s)</source>
        <translation>
            <numerusform>运行器重启 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting to be compiled and measured</source>
        <translation>等待编译和测量</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Activate to show this line in the editor</source>
        <translation>激活此项可在编辑器中显示该行</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>附注</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>没有问题。</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Not compiled.</source>
        <translation>未编译。</translation>
    </message>
    <message>
        <source>Compiled in %1 s</source>
        <translation>编译耗时 %1 s</translation>
    </message>
    <message>
        <source>Compilation failed after %1 s</source>
        <translation>编译在 %1 s 后失败</translation>
    </message>
    <message>
        <source> (from the cache)</source>
        <translation> (来自缓存)</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>寄存器</translation>
    </message>
    <message>
        <source>Spill stores (B)</source>
        <translation>溢出存储 (B)</translation>
    </message>
    <message>
        <source>Spill loads (B)</source>
        <translation>溢出加载 (B)</translation>
    </message>
    <message>
        <source>Stack (B)</source>
        <translation>栈 (B)</translation>
    </message>
    <message>
        <source>Shared memory (B)</source>
        <translation>共享内存 (B)</translation>
    </message>
    <message>
        <source>Constant memory (B)</source>
        <translation>常量内存 (B)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation>编译器</translation>
    </message>
    <message>
        <source>Compiler (%1)</source>
        <translation>编译器（%1）</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>不匹配数</translation>
    </message>
    <message>
        <source>Max abs error</source>
        <translation>最大绝对误差</translation>
    </message>
    <message>
        <source>Max rel error</source>
        <translation>最大相对误差</translation>
    </message>
    <message>
        <source>First bad index</source>
        <translation>首个错误索引</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>期望值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>%1[%2], seed %3</source>
        <translation>%1[%2]，种子 %3</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Median (ms)</source>
        <translation>中位数 (ms)</translation>
    </message>
    <message>
        <source>p20 (ms)</source>
        <translation>p20 (ms)</translation>
    </message>
    <message>
        <source>p80 (ms)</source>
        <translation>p80 (ms)</translation>
    </message>
    <message>
        <source>CV</source>
        <translation>变异系数</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Baseline (ms)</source>
        <translation>基线 (ms)</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>实测吞吐量</translation>
    </message>
    <message>
        <source>Of floor</source>
        <translation>物理下限占比</translation>
    </message>
    <message>
        <source>Runner setup (s)</source>
        <translation>运行器准备 (s)</translation>
    </message>
    <message>
        <source>Runner verify (s)</source>
        <translation>运行器校验 (s)</translation>
    </message>
    <message>
        <source>Runner timing (s)</source>
        <translation>运行器计时 (s)</translation>
    </message>
    <message>
        <source>%1 TFLOP/s</source>
        <translation>%1 TFLOP/s</translation>
    </message>
    <message>
        <source>%1 GB/s</source>
        <translation>%1 GB/s</translation>
    </message>
    <message>
        <source>Samples (ms): %1</source>
        <translation>样本 (ms)：%1</translation>
    </message>
    <message>
        <source>No measurements.</source>
        <translation>没有测量数据。</translation>
    </message>
    <message>
        <source>Runner time over all workloads: setup %1 s, verification %2 s, timing %3 s; baseline: %4.</source>
        <translation>所有工作负载的运行器耗时：准备 %1 s，校验 %2 s，计时 %3 s；基线：%4。</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>Generator: %1</source>
        <translation>生成器：%1</translation>
    </message>
    <message>
        <source>parent: node %1</source>
        <translation>父节点：节点 %1</translation>
    </message>
    <message>
        <source>the root</source>
        <translation>根节点</translation>
    </message>
    <message>
        <source>source %1%2</source>
        <translation>源文件 %1%2</translation>
    </message>
    <message>
        <source>proposed %1</source>
        <translation>提出于 %1</translation>
    </message>
    <message>
        <source>evaluated %1</source>
        <translation>评估于 %1</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(the generator was given nothing)</source>
        <translation>（未向生成器提供任何输入）</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>计数器</translation>
    </message>
    <message>
        <source>Not profiled. Nsight Compute profiles a correct CUDA candidate: the agent does it before it optimizes one, and `kforge profile SESSION NODE` does it on demand.</source>
        <translation>尚未剖析。Nsight Compute 剖析正确的 CUDA 候选：智能体在优化它之前会先剖析，也可以用 `kforge profile SESSION NODE` 按需剖析。</translation>
    </message>
    <message>
        <source>Not profiled: %1</source>
        <translation>未剖析：%1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>剖析</translation>
    </message>
    <message>
        <source>%1, one run on the workload %2; %3 s, collected %4. The counters are per kernel, the longest first.</source>
        <translation>%1，在工作负载 %2 上运行一次；用时 %3 秒，采集于 %4。计数器按内核列出，耗时最长的在前。</translation>
    </message>
    <message>
        <source>%1
grid %2, block %3</source>
        <translation>%1
网格 %2，线程块 %3</translation>
    </message>
    <message>
        <source>Nothing stands out in the counters.</source>
        <translation>计数器中没有明显问题。</translation>
    </message>
    <message>
        <source>Profile (%1)</source>
        <translation>剖析 (%1)</translation>
    </message>
    <message>
        <source>Profile Again</source>
        <translation>重新剖析</translation>
    </message>
    <message>
        <source>Profile with Nsight Compute</source>
        <translation>用 Nsight Compute 剖析</translation>
    </message>
    <message>
        <source>Runs this node once under Nsight Compute on its largest workload and keeps the counters with it. The session must not be running.</source>
        <translation>在最大的工作负载上用 Nsight Compute 运行该节点一次，并把计数器保存在节点中。会话不能正在运行。</translation>
    </message>
    <message>
        <source>Eager (ms)</source>
        <translation>Eager（毫秒）</translation>
    </message>
    <message>
        <source>torch.compile (ms)</source>
        <translation>torch.compile（毫秒）</translation>
    </message>
    <message>
        <source>Vendor (ms)</source>
        <translation>厂商算子（毫秒）</translation>
    </message>
    <message>
        <source>Vs best</source>
        <translation>相对最佳</translation>
    </message>
    <message>
        <source> noisy</source>
        <translation> 噪声大</translation>
    </message>
    <message>
        <source>The fastest PyTorch baseline of this workload</source>
        <translation>该工作负载上最快的 PyTorch 基线</translation>
    </message>
    <message>
        <source>Slower than PyTorch&apos;s %1 on this workload</source>
        <translation>在该工作负载上慢于 PyTorch 的 %1</translation>
    </message>
    <message>
        <source>Physical floor %1 ms (compute bound, %2 TFLOP/s)</source>
        <translation>物理下限 %1 毫秒（计算受限，%2 TFLOP/s）</translation>
    </message>
    <message>
        <source>Physical floor %1 ms (memory bound, %2 GB/s: the bytes fit in the last-level cache)</source>
        <translation>物理下限 %1 毫秒（访存受限，%2 GB/s：数据可放入末级缓存）</translation>
    </message>
    <message>
        <source>Physical floor %1 ms (memory bound, %2 GB/s DRAM copy)</source>
        <translation>物理下限 %1 毫秒（访存受限，%2 GB/s DRAM 拷贝）</translation>
    </message>
    <message>
        <source>The spread stayed above the threshold after %1 timing runs: trust this median less, or measure the node again (Measure Again).</source>
        <translation>经过 %1 轮计时后离散度仍高于阈值：此中位数可信度较低，可重新测量该节点（“重新测量”）。</translation>
    </message>
    <message>
        <source>Threads: at most %1, the cores the runner may use (OpenMP is capped there).</source>
        <translation>线程：最多 %1 个，即运行器可用的核心数（OpenMP 线程数以此为上限）。</translation>
    </message>
    <message numerus="yes">
        <source>Measure Again (%n noisy)</source>
        <translation>
            <numerusform>重新测量（%n 项噪声大）</numerusform>
        </translation>
    </message>
    <message>
        <source>Measure Again</source>
        <translation>重新测量</translation>
    </message>
    <message>
        <source>Measures this node again with %1× the session&apos;s timing budget and up to %2 timing runs, on fresh inputs with every check. The node keeps the new result, and the session&apos;s best is chosen again.</source>
        <translation>以会话计时预算的 %1 倍、最多 %2 轮计时重新测量该节点，使用新的输入并执行全部检查。节点保留新的结果，并重新选出会话的最佳节点。</translation>
    </message>
    <message>
        <source>Only a candidate that passed is measured again.</source>
        <translation>只有通过校验的候选才能重新测量。</translation>
    </message>
    <message>
        <source>Timing (noisy)</source>
        <translation>计时（噪声大）</translation>
    </message>
    <message>
        <source>Profiling is not available on the %1 backend: Nsight Compute profiles CUDA kernels only.</source>
        <translation>%1 后端不支持剖析：Nsight Compute 只能剖析 CUDA 内核。</translation>
    </message>
    <message>
        <source>measured by %1</source>
        <translation>由 %1 测量</translation>
    </message>
    <message>
        <source>measured on %1 by %2</source>
        <translation>由 %2 在 %1 上测量</translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeProblems</name>
    <message>
        <source>%1[%2] (seed %3): expected %4, got %5</source>
        <translation>%1[%2]（种子 %3）：期望 %4，实际 %5</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>first wrong value: %1</source>
        <translation>首个错误值：%1</translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeStatus</name>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>wrong shape</source>
        <translation>形状错误</translation>
    </message>
    <message>
        <source>wrong values</source>
        <translation>数值错误</translation>
    </message>
    <message>
        <source>wrong data type</source>
        <translation>数据类型错误</translation>
    </message>
    <message>
        <source>runtime error</source>
        <translation>运行时错误</translation>
    </message>
    <message>
        <source>compile error</source>
        <translation>编译错误</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <source>nondeterministic</source>
        <translation>结果不确定</translation>
    </message>
    <message>
        <source>incomplete write</source>
        <translation>输出未写全</translation>
    </message>
    <message>
        <source>suspiciously fast</source>
        <translation>快得可疑</translation>
    </message>
    <message>
        <source>invalid configuration</source>
        <translation>无效配置</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待评估</translation>
    </message>
    <message>
        <source>modified its inputs</source>
        <translation>修改了输入</translation>
    </message>
    <message>
        <source>work after return</source>
        <translation>返回后仍在运行</translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodeTableModel</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父节点</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Compile (s)</source>
        <translation>编译 (s)</translation>
    </message>
    <message>
        <source>Measure (s)</source>
        <translation>测量 (s)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>kforge::ui::NodesPanel</name>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Failed (any reason)</source>
        <translation>失败（任何原因）</translation>
    </message>
    <message>
        <source>All generators</source>
        <translation>所有生成器</translation>
    </message>
    <message>
        <source>Filter nodes: id, status, configuration, message…</source>
        <translation>筛选节点：ID、状态、配置、消息…</translation>
    </message>
    <message>
        <source>Show only nodes of this status</source>
        <translation>仅显示此状态的节点</translation>
    </message>
    <message>
        <source>Show only nodes made by this generator</source>
        <translation>仅显示由此生成器生成的节点</translation>
    </message>
</context>
<context>
    <name>kforge::ui::NoteDialog</name>
    <message>
        <source>Add Knowledge Note</source>
        <translation>添加知识笔记</translation>
    </message>
    <message>
        <source>What the agent should know: a technique, a pitfall, a measured fact.</source>
        <translation>智能体应当知道的内容：一种技巧、一个陷阱、一项实测事实。</translation>
    </message>
    <message>
        <source>Comma-separated: %1</source>
        <translation>以逗号分隔：%1</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>正文(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Operator types:</source>
        <translation>算子类型(&amp;O)：</translation>
    </message>
    <message>
        <source>Bottlenec&amp;ks:</source>
        <translation>瓶颈(&amp;K)：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Title: a note needs a title.</source>
        <translation>标题：笔记需要标题。</translation>
    </message>
    <message>
        <source>Body: a note needs a body.</source>
        <translation>正文：笔记需要正文。</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Operator types</source>
        <translation>算子类型</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>瓶颈</translation>
    </message>
</context>
<context>
    <name>kforge::ui::ParameterSpaceView</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Axes:</source>
        <translation>坐标轴：</translation>
    </message>
    <message>
        <source>The tuner&apos;s parameters to draw, one axis each; two make a heatmap</source>
        <translation>要绘制的调优参数，每个参数一条坐标轴；选两个时显示为热力图</translation>
    </message>
    <message>
        <source>No nodes yet. The tuner&apos;s configurations appear here as they are evaluated.</source>
        <translation>还没有节点。调优器的配置评估后会显示在这里。</translation>
    </message>
    <message>
        <source>No tuned nodes in this session: this view places the configurations the tuner tried by their @tune parameters. Start a session with the tuner among its generators.</source>
        <translation>此会话没有调优节点：本视图按 @tune 参数排布调优器尝试过的配置。请新建一个以调优器为生成器之一的会话。</translation>
    </message>
    <message>
        <source>No tuned node has been evaluated yet.</source>
        <translation>还没有已评估的调优节点。</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) drawn</source>
        <translation>
            <numerusform>已绘制 %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n failed (grey ×)</source>
        <translation>
            <numerusform>，%n 个失败（灰色 ×）</numerusform>
        </translation>
    </message>
    <message>
        <source>Colour: speedup over the best PyTorch baseline (higher = lower latency)</source>
        <translation>颜色：相对最佳 PyTorch 基线的加速比（越高延迟越低）</translation>
    </message>
    <message>
        <source>Colour: speedup over the task&apos;s baseline (higher = lower latency)</source>
        <translation>颜色：相对任务基线的加速比（越高延迟越低）</translation>
    </message>
    <message>
        <source>Node %1: %2, %3</source>
        <translation>节点 %1：%2，%3</translation>
    </message>
    <message numerus="yes">
        <source>%n more node(s) with these values; the cell shows the fastest</source>
        <translation>
            <numerusform>另有 %n 个节点取值相同；格子显示其中最快的</numerusform>
        </translation>
    </message>
    <message>
        <source>slower</source>
        <translation>较慢</translation>
    </message>
    <message>
        <source>faster</source>
        <translation>较快</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
    <message>
        <source>Hand edits and LLM rewrites often lack the tuner&apos;s parameters: such nodes have no place on these axes.</source>
        <translation>手动编辑和 LLM 改写的节点常常没有调优器的参数，在这些坐标轴上没有位置。</translation>
    </message>
    <message numerus="yes">
        <source>; %n left out (no value for a parameter on the axes)</source>
        <translation>
            <numerusform>；%n 个未绘制（缺少坐标轴上某个参数的取值）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kforge::ui::ProvidersPage</name>
    <message>
        <source>LLM Providers</source>
        <translation>LLM 服务商</translation>
    </message>
    <message>
        <source>Could not read the providers: %1</source>
        <translation>无法读取服务商：%1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自%2</translation>
    </message>
    <message>
        <source>stored %1 in the keychain</source>
        <translation>已将 %1 存入钥匙串</translation>
    </message>
    <message>
        <source>Could not store the key: %1</source>
        <translation>无法存储密钥：%1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>正在询问 %1…</translation>
    </message>
    <message>
        <source>“%1” in %2 s, %3 + %4 tokens</source>
        <translation>“%1”，用时 %2 秒，%3 + %4 个词元</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>LLM provider “%1”: %2</source>
        <translation>LLM 服务商“%1”：%2</translation>
    </message>
    <message>
        <source>Name: a provider needs a name.</source>
        <translation>名称：服务商需要名称。</translation>
    </message>
    <message>
        <source>Name: another provider is called that.</source>
        <translation>名称：已有服务商使用该名称。</translation>
    </message>
    <message>
        <source>Base URL: empty.</source>
        <translation>基础 URL：为空。</translation>
    </message>
    <message>
        <source>Base URL: must start with http:// or https://.</source>
        <translation>基础 URL：必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Model: empty.</source>
        <translation>模型：为空。</translation>
    </message>
    <message>
        <source>Key variable: “%1” is not an environment variable name.</source>
        <translation>密钥变量：“%1”不是有效的环境变量名。</translation>
    </message>
    <message>
        <source>The services the LLM agent can ask, kept in %1 and shared with the command line. Keys stay in environment variables or the OS keychain, never in this file.</source>
        <translation>LLM 智能体可以调用的服务，保存在 %1 中，并与命令行共用。密钥只保存在环境变量或系统钥匙串中，绝不写入此文件。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>接口(&amp;A)：</translation>
    </message>
    <message>
        <source>OpenAI-compatible chat completions</source>
        <translation>OpenAI 兼容的对话补全接口</translation>
    </message>
    <message>
        <source>Anthropic messages</source>
        <translation>Anthropic 消息接口</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Key variable:</source>
        <translation>密钥变量(&amp;K)：</translation>
    </message>
    <message>
        <source>none (a local server)</source>
        <translation>无（本地服务器）</translation>
    </message>
    <message>
        <source>Look the key up in the OS keychain</source>
        <translation>从系统钥匙串中读取密钥</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <source>paste a key to store it in the keychain</source>
        <translation>粘贴密钥以存入钥匙串</translation>
    </message>
    <message>
        <source>Store Key in Keychain</source>
        <translation>将密钥存入钥匙串</translation>
    </message>
    <message>
        <source>&amp;Concurrent requests:</source>
        <translation>并发请求数(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Prices per million tokens (in, out):</source>
        <translation>每百万词元价格（输入、输出）(&amp;P)：</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Send a one-line prompt and show the reply, the latency and the tokens</source>
        <translation>发送一行提示词，并显示回复、延迟和词元数</translation>
    </message>
</context>
<context>
    <name>kforge::ui::RooflineChart</name>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>Roofline</source>
        <translation>Roofline 图</translation>
    </message>
    <message>
        <source>Arithmetic intensity (FLOP/byte)</source>
        <translation>算术强度 (FLOP/byte)</translation>
    </message>
    <message>
        <source>Achieved TFLOP/s</source>
        <translation>实测 TFLOP/s</translation>
    </message>
    <message>
        <source>Achieved bandwidth (the task does no arithmetic)</source>
        <translation>实测带宽（该任务不含算术运算）</translation>
    </message>
    <message>
        <source>Bytes moved per call (MB)</source>
        <translation>每次调用传输的数据量 (MB)</translation>
    </message>
    <message>
        <source>Achieved GB/s</source>
        <translation>实测 GB/s</translation>
    </message>
    <message>
        <source>Memory roof: %1 GB/s copy</source>
        <translation>内存带宽上限：%1 GB/s（拷贝）</translation>
    </message>
    <message>
        <source>Compute roof: %1 TFLOP/s %2</source>
        <translation>计算峰值上限：%1 TFLOP/s（%2）</translation>
    </message>
</context>
<context>
    <name>kforge::ui::RunControls</name>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Continue the open session, or start a new one</source>
        <translation>继续当前打开的会话，或开始新的会话</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Let the evaluations in flight finish, then wait</source>
        <translation>让进行中的评估完成，然后等待</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Go on with the paused session</source>
        <translation>继续已暂停的会话</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the session: the measurement in flight is kept, the rest stays pending for later</source>
        <translation>停止会话：保留进行中的测量，其余部分保持待处理状态，留待以后继续</translation>
    </message>
</context>
<context>
    <name>kforge::ui::RunProgressWidget</name>
    <message>
        <source>Measuring the baseline…</source>
        <translation>正在测量基线…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 of %2 evaluations</source>
        <translation>已完成 %1 / %2 次评估</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>%n 次评估</numerusform>
        </translation>
    </message>
    <message>
        <source>best %1×</source>
        <translation>最佳 %1×</translation>
    </message>
    <message>
        <source>no speedup yet</source>
        <translation>尚无加速</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>每分钟 %1 次</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <source>ETA unknown</source>
        <translation>预计剩余时间未知</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>kforge::ui::SearchPage</name>
    <message>
        <source>Generators: choose at least one; the tuner is the only one available until an LLM provider is configured in Settings.</source>
        <translation>生成器：请至少选择一个；在“设置”中配置 LLM 提供方之前，只有调优器可用。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>How the tree grows: which generators propose children, and which node is expanded next.</source>
        <translation>搜索树如何生长：由哪些生成器提出子节点，以及下一个扩展哪个节点。</translation>
    </message>
    <message>
        <source>Generators</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Selection policy</source>
        <translation>选择策略</translation>
    </message>
    <message>
        <source>&amp;Tuner, strategy:</source>
        <translation>调优器(&amp;T)，策略：</translation>
    </message>
    <message>
        <source>Every expandable node competes by its subtree&apos;s mean fitness plus c·√(ln N / n): a larger c explores more.</source>
        <translation>每个可扩展节点按其子树的平均适应度加上 c·√(ln N / n) 参与竞争：c 越大，探索越多。</translation>
    </message>
    <message>
        <source>The fittest expandable node is always expanded next.</source>
        <translation>下一个总是扩展适应度最高的可扩展节点。</translation>
    </message>
    <message>
        <source>The fittest nodes, as many as the beam width, take turns.</source>
        <translation>适应度最高的若干节点（数量等于束宽）轮流扩展。</translation>
    </message>
    <message>
        <source>&amp;Exploration constant c:</source>
        <translation>探索常数 c(&amp;E)：</translation>
    </message>
    <message>
        <source>Beam &amp;width:</source>
        <translation>束宽(&amp;W)：</translation>
    </message>
    <message>
        <source>Random &amp;seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <source>Generators: choose at least one: the tuner, the LLM agent or both.</source>
        <translation>生成器：至少选择一个：调优器、LLM 智能体或两者。</translation>
    </message>
    <message>
        <source>&amp;LLM agent, provider:</source>
        <translation>LLM 智能体(&amp;L)，服务商：</translation>
    </message>
    <message>
        <source>The LLM providers could not be read: %1</source>
        <translation>无法读取 LLM 服务商：%1</translation>
    </message>
    <message>
        <source>No LLM provider is configured: add one in Edit &gt; Preferences &gt; LLM Providers.</source>
        <translation>尚未配置 LLM 服务商：请在“编辑 &gt; 首选项 &gt; LLM 服务商”中添加。</translation>
    </message>
    <message>
        <source>The agent asks %1 at %2 to rewrite kernels; its spending stops the session at these budgets.</source>
        <translation>智能体请 %2 上的 %1 改写内核；其开销达到这些预算时会话停止。</translation>
    </message>
    <message>
        <source>Token b&amp;udget:</source>
        <translation>词元预算(&amp;U)：</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>C&amp;ost budget:</source>
        <translation>费用预算(&amp;O)：</translation>
    </message>
    <message>
        <source>Speedup &amp;against:</source>
        <translation>加速比基准(&amp;A):</translation>
    </message>
    <message>
        <source>The fastest PyTorch baseline (eager, torch.compile, vendor)</source>
        <translation>最快的 PyTorch 基线(eager、torch.compile、厂商库)</translation>
    </message>
    <message>
        <source>The task&apos;s native baseline</source>
        <translation>任务的原生基线</translation>
    </message>
    <message>
        <source>What a candidate&apos;s fitness is a speedup over. Without a measured PyTorch baseline for every workload the session uses the task&apos;s native baseline instead and says so when it starts.</source>
        <translation>候选内核的适应度以什么为基准计算加速比。若并非每个工作负载都测得 PyTorch 基线,会话将改用任务的原生基线,并在开始时说明。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionListModel</name>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1（共 %2）</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>会话 %1：%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估次数</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionSummary</name>
    <message>
        <source>%1 selection; generators: %2</source>
        <translation>选择策略 %1；生成器：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>%n 次评估</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of active time</source>
        <translation>有效运行时间 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s) without a new best</source>
        <translation>
            <numerusform>连续 %n 次评估未出现新的最佳结果</numerusform>
        </translation>
    </message>
    <message>
        <source>a speedup of %1×</source>
        <translation>加速比达到 %1×</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 且 </translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>会话 %1：%2</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>搜索：</translation>
    </message>
    <message>
        <source>Stops after:</source>
        <translation>停止条件：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Evaluations:</source>
        <translation>评估次数：</translation>
    </message>
    <message>
        <source>%1 in %2 of active time</source>
        <translation>%1 次，有效运行时间 %2</translation>
    </message>
    <message>
        <source>Best:</source>
        <translation>最佳：</translation>
    </message>
    <message>
        <source>no candidate passed yet</source>
        <translation>尚无候选内核通过</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>更新时间：</translation>
    </message>
    <message>
        <source>not measured (speedups are over the task&apos;s %1)</source>
        <translation>未测量（加速比相对于任务的 %1）</translation>
    </message>
    <message>
        <source>none could be measured (speedups are over the task&apos;s %1)</source>
        <translation>均无法测量（加速比相对于任务的 %1）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (fastest on %2 of %n workload(s))</source>
        <translation>
            <numerusform>%1（在 %n 个工作负载中的 %2 个上最快）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1× over %2: slower (node %3)</source>
        <translation>相对%2 为 %1×：更慢（节点 %3）</translation>
    </message>
    <message>
        <source>%1× over %2 (node %3)</source>
        <translation>相对%2 为 %1×（节点 %3）</translation>
    </message>
    <message>
        <source>PyTorch:</source>
        <translation>PyTorch：</translation>
    </message>
    <message>
        <source>%1: starting</source>
        <translation>%1：正在启动</translation>
    </message>
    <message numerus="yes">
        <source>%1: waiting for a candidate, %n measured</source>
        <translation>
            <numerusform>%1：等待候选，已测量 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not used: %2</source>
        <translation>%1：未使用：%2</translation>
    </message>
    <message numerus="yes">
        <source> (lost %n time(s), last: %1)</source>
        <translation>
            <numerusform>（丢失 %n 次，最近一次：%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Runners:</source>
        <translation>运行器：</translation>
    </message>
    <message numerus="yes">
        <source>%1: busy with node %2, %n measured</source>
        <translation>
            <numerusform>%1：正在处理节点 %2，已测量 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; also %2, each with its own baseline</source>
        <translation>%1；另有 %2，各自使用自己的基线</translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionWorkbench</name>
    <message>
        <source>The edit was not evaluated: %1</source>
        <translation>编辑未被评估：%1</translation>
    </message>
    <message>
        <source>node #%1 · %2</source>
        <translation>节点 #%1 · %2</translation>
    </message>
    <message>
        <source> · %1×</source>
        <translation> · %1×</translation>
    </message>
    <message>
        <source>The first two selected nodes</source>
        <translation>选中的前两个节点</translation>
    </message>
    <message>
        <source>Node #%1 against its parent</source>
        <translation>节点 #%1 与其父节点对比</translation>
    </message>
    <message>
        <source>Node #%1 against the task&apos;s %2</source>
        <translation>节点 #%1 与任务的 %2 对比</translation>
    </message>
    <message>
        <source> (loading the sources…)</source>
        <translation> (正在加载源代码…)</translation>
    </message>
    <message>
        <source>Your edit of node #%1 is kept: evaluate it as a child, or undo it to compare other nodes</source>
        <translation>已保留你对节点 #%1 的编辑：可将其作为子节点评估，或撤销编辑以比较其他节点</translation>
    </message>
    <message>
        <source>the task&apos;s %1</source>
        <translation>任务的 %1</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>比较对象(&amp;W)：</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父节点</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>What the node in focus is compared with when fewer than two nodes are selected</source>
        <translation>选中的节点少于两个时，当前焦点节点的比较对象</translation>
    </message>
</context>
<context>
    <name>kforge::ui::SessionsPanel</name>
    <message>
        <source>Deleted session %1.</source>
        <translation>已删除会话 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Exported session %1 (%n node(s)) to %2.</source>
        <translation>
            <numerusform>已将会话 %1（%n 个节点）导出到 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 as session %2.</source>
        <translation>已将 %1 导入为会话 %2。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the selected session: its tree and nodes</source>
        <translation>打开选中的会话：查看其搜索树和节点</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected session</source>
        <translation>重命名选中的会话</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected session and everything it measured</source>
        <translation>删除选中的会话及其所有测量数据</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add a session file (.kfsession) to this workspace</source>
        <translation>将会话文件 (.kfsession) 添加到此工作区</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the selected session to a session file (.kfsession)</source>
        <translation>将选中的会话写入会话文件 (.kfsession)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the sessions from the workspace again</source>
        <translation>重新从工作区读取会话</translation>
    </message>
    <message>
        <source>A running session cannot be deleted: stop it first</source>
        <translation>无法删除正在运行的会话：请先停止它</translation>
    </message>
    <message>
        <source>Session %1 is running: stop it before deleting it.</source>
        <translation>会话 %1 正在运行：请先停止再删除。</translation>
    </message>
    <message>
        <source>Delete Session</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <source>Delete the session “%1” (session %2)?</source>
        <translation>要删除会话“%1”（会话 %2）吗？</translation>
    </message>
    <message numerus="yes">
        <source>Its %n evaluated candidate(s), their sources and measurements are removed from the workspace. This cannot be undone.</source>
        <translation>
            <numerusform>它的 %n 个已评估候选内核及其源代码和测量数据将从工作区中移除。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Session</source>
        <translation>导出会话</translation>
    </message>
    <message>
        <source>KernelForge sessions (*.%1)</source>
        <translation>KernelForge 会话 (*.%1)</translation>
    </message>
    <message>
        <source>Import Session</source>
        <translation>导入会话</translation>
    </message>
    <message>
        <source>KernelForge sessions (*.%1);;All files (*)</source>
        <translation>KernelForge 会话 (*.%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>kforge::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
</context>
<context>
    <name>kforge::ui::SpeedupBasis</name>
    <message>
        <source>the best PyTorch op</source>
        <translation>最快的 PyTorch 算子</translation>
    </message>
    <message>
        <source>the task&apos;s %1</source>
        <translation>任务的 %1</translation>
    </message>
</context>
<context>
    <name>kforge::ui::StopPage</name>
    <message>
        <source>Time limit: empty; write a duration such as 90s, 10m, 1.5h or 2h30m.</source>
        <translation>时间限制：为空；请输入时长，例如 90s、10m、1.5h 或 2h30m。</translation>
    </message>
    <message>
        <source>Time limit: “%1” is not a duration; write it as 90s, 10m, 1.5h or 2h30m.</source>
        <translation>时间限制：“%1”不是有效的时长；请按 90s、10m、1.5h 或 2h30m 的格式输入。</translation>
    </message>
    <message>
        <source>Time limit: must be longer than zero.</source>
        <translation>时间限制：必须大于零。</translation>
    </message>
    <message>
        <source>Target speedup: must be above 1.00× (the baseline&apos;s own speed).</source>
        <translation>目标加速比：必须大于 1.00×（即基线自身的速度）。</translation>
    </message>
    <message>
        <source>Stop conditions: choose at least one, or the session runs until you stop it.</source>
        <translation>停止条件：请至少选择一个，否则会话将一直运行，直到你手动停止。</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>时间限制：</translation>
    </message>
    <message>
        <source>Stop conditions</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <source>When the session stops by itself. You can pause or stop it at any time, and continue it later.</source>
        <translation>会话何时自动停止。你可以随时暂停或停止会话，并在之后继续。</translation>
    </message>
    <message>
        <source>Evaluation &amp;budget:</source>
        <translation>评估预算(&amp;B)：</translation>
    </message>
    <message>
        <source> evaluations</source>
        <translation> 次评估</translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation>时间限制(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. 90s, 10m, 1.5h, 2h30m</source>
        <translation>例如 90s、10m、1.5h、2h30m</translation>
    </message>
    <message>
        <source>Active running time of the session: 90s, 10m, 1.5h, 2h30m or plain seconds.</source>
        <translation>会话的有效运行时间：90s、10m、1.5h、2h30m 或纯秒数。</translation>
    </message>
    <message>
        <source>&amp;Plateau:</source>
        <translation>平台期(&amp;P)：</translation>
    </message>
    <message>
        <source> evaluations without a new best</source>
        <translation> 次评估未出现新的最佳结果</translation>
    </message>
    <message>
        <source>Target &amp;speedup:</source>
        <translation>目标加速比(&amp;S)：</translation>
    </message>
    <message>
        <source>Stop when</source>
        <translation>停止时机</translation>
    </message>
    <message>
        <source>&amp;any condition holds</source>
        <translation>满足任一条件(&amp;A)</translation>
    </message>
    <message>
        <source>a&amp;ll conditions hold</source>
        <translation>满足所有条件(&amp;L)</translation>
    </message>
    <message>
        <source>Session &amp;name:</source>
        <translation>会话名称(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>kforge::ui::StopReason</name>
    <message>
        <source>budget of %1 evaluations reached</source>
        <translation>已达到 %1 次评估的预算</translation>
    </message>
    <message>
        <source>time limit of %1 reached</source>
        <translation>已达到时间上限 %1</translation>
    </message>
    <message>
        <source>no improvement in the last %1 evaluations</source>
        <translation>最近 %1 次评估没有改进</translation>
    </message>
    <message>
        <source>target speedup %1x reached (%2x)</source>
        <translation>已达到目标加速比 %1x（%2x）</translation>
    </message>
    <message>
        <source>LLM token budget of %1 reached</source>
        <translation>已达到 LLM 令牌预算 %1</translation>
    </message>
    <message>
        <source>LLM cost budget of %1 reached</source>
        <translation>已达到 LLM 费用预算 %1</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>已由用户停止</translation>
    </message>
    <message>
        <source>the edits were evaluated</source>
        <translation>编辑已评估完毕</translation>
    </message>
    <message>
        <source>nothing to tune: no source in the session declares @tune parameters (the task has no tunable template for %1); add one (docs/tasks.md, &quot;Tunable parameters&quot;) or let the LLM agent write candidates (--generators tuner,llm)</source>
        <translation>无可调参数：会话中没有源码声明 @tune 参数（该任务没有适用于 %1 的可调模板）；请添加一个（见 docs/tasks.md“可调参数”一节），或让 LLM 智能体编写候选（--generators tuner,llm）</translation>
    </message>
    <message>
        <source>every candidate the generators could propose was evaluated</source>
        <translation>生成器能提出的所有候选均已评估</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
</context>
<context>
    <name>kforge::ui::TaskPage</name>
    <message>
        <source>Definition file: %1</source>
        <translation>定义文件：%1</translation>
    </message>
    <message>
        <source>Task: the definition file is still being read.</source>
        <translation>任务：仍在读取定义文件。</translation>
    </message>
    <message>
        <source>Task: choose a built-in task or a definition file.</source>
        <translation>任务：请选择内置任务或定义文件。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>What to optimize: a built-in task, or a task definition file (FlashInfer-Bench JSON with workloads.jsonl beside it).</source>
        <translation>要优化的对象：内置任务，或任务定义文件（FlashInfer-Bench JSON，同一目录下需有 workloads.jsonl）。</translation>
    </message>
    <message>
        <source>Op type</source>
        <translation>算子类型</translation>
    </message>
    <message>
        <source>Data types</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation>正在加载任务…</translation>
    </message>
    <message>
        <source>&amp;Definition file…</source>
        <translation>定义文件(&amp;D)…</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考实现</translation>
    </message>
    <message>
        <source>%1
Native implementations: %2. Defined in %3.</source>
        <translation>%1
原生实现：%2。定义于 %3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>(no PyTorch reference; the native reference is used)</source>
        <translation>（无 PyTorch 参考实现；使用原生参考实现）</translation>
    </message>
    <message>
        <source>Workloads (%1)</source>
        <translation>工作负载（%1）</translation>
    </message>
    <message>
        <source>Reference (PyTorch)</source>
        <translation>参考实现（PyTorch）</translation>
    </message>
    <message>
        <source>Task definition file</source>
        <translation>任务定义文件</translation>
    </message>
    <message>
        <source>Task definitions (*.json);;All files (*)</source>
        <translation>任务定义 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Tunable templates: none, so the tuner has nothing to search; the LLM agent can write candidates.</source>
        <translation>可调模板：无，调优器无可搜索的空间；可由 LLM 智能体编写候选内核。</translation>
    </message>
    <message>
        <source>Tunable templates: %1.</source>
        <translation>可调模板：%1。</translation>
    </message>
</context>
<context>
    <name>kforge::ui::ToolchainsPage</name>
    <message>
        <source>Toolchains</source>
        <translation>工具链</translation>
    </message>
    <message>
        <source>Host C++ compiler</source>
        <translation>主机 C++ 编译器</translation>
    </message>
    <message>
        <source>CUDA compiler (nvcc)</source>
        <translation>CUDA 编译器（nvcc）</translation>
    </message>
    <message>
        <source>HIP compiler (hipcc)</source>
        <translation>HIP 编译器（hipcc）</translation>
    </message>
    <message>
        <source>%1: there is no program called “%2” in PATH.</source>
        <translation>%1：PATH 中没有名为“%2”的程序。</translation>
    </message>
    <message>
        <source>%1: %2 does not exist.</source>
        <translation>%1：%2 不存在。</translation>
    </message>
    <message>
        <source>%1: %2 is a folder, not a program.</source>
        <translation>%1：%2 是文件夹，不是程序。</translation>
    </message>
    <message>
        <source>%1: %2 is not executable.</source>
        <translation>%1：%2 不可执行。</translation>
    </message>
    <message>
        <source>Choose the %1</source>
        <translation>选择%1</translation>
    </message>
    <message>
        <source>Running %1 --version…</source>
        <translation>正在运行 %1 --version…</translation>
    </message>
    <message>
        <source>%1 answers: %2</source>
        <translation>%1 的输出：%2</translation>
    </message>
    <message>
        <source>%1: could not run %2 --version (%3).</source>
        <translation>%1：无法运行 %2 --version（%3）。</translation>
    </message>
    <message>
        <source>The compilers that turn candidates into shared objects. Leave a field empty to find the compiler as the command line does. Runs started after a change use the new compiler.</source>
        <translation>用于将候选内核编译为共享库的编译器。留空则按命令行工具的方式自动查找编译器。更改后启动的运行会使用新的编译器。</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Auto-detect (%1)</source>
        <translation>自动检测（%1）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Run the compiler with --version and show what it says</source>
        <translation>以 --version 运行编译器并显示其输出</translation>
    </message>
</context>
<context>
    <name>kforge::ui::TrajectoryChart</name>
    <message>
        <source>Speedup by evaluation</source>
        <translation>各次评估的加速比</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估序号</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Best so far</source>
        <translation>当前最佳</translation>
    </message>
    <message>
        <source>Baseline (1×)</source>
        <translation>基线 (1×)</translation>
    </message>
    <message>
        <source>Node %1, evaluation %2: %3</source>
        <translation>节点 %1，第 %2 次评估：%3</translation>
    </message>
    <message>
        <source>Best PyTorch (1×)</source>
        <translation>最佳 PyTorch(1×)</translation>
    </message>
    <message>
        <source>Speedup (×)</source>
        <translation>加速比(×)</translation>
    </message>
</context>
<context>
    <name>kforge::ui::TreeGraphView</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>&amp;Fit Tree</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole tree (F)</source>
        <translation>显示整棵树（F）</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom to 1:1 (1)</source>
        <translation>缩放到 1:1（1）</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Find Node...</source>
        <translation>查找节点(&amp;F)...</translation>
    </message>
    <message>
        <source>Find a node by its id</source>
        <translation>按 ID 查找节点</translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation>显示图例(&amp;L)</translation>
    </message>
    <message>
        <source>Show the key to the colours (L)</source>
        <translation>显示颜色图例（L）</translation>
    </message>
    <message>
        <source>Find node by id</source>
        <translation>按 ID 查找节点</translation>
    </message>
    <message>
        <source>Type a node id and press Enter; Escape closes</source>
        <translation>输入节点 ID 后按 Enter；按 Escape 关闭</translation>
    </message>
    <message>
        <source>There is no node #%1.</source>
        <translation>不存在节点 #%1。</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待评估</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>the defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Node #%1</source>
        <translation>节点 #%1</translation>
    </message>
    <message>
        <source>The best node so far</source>
        <translation>目前的最佳节点</translation>
    </message>
    <message>
        <source>No nodes yet</source>
        <translation>暂无节点</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Path to the best, %1</source>
        <translation>通往最佳节点的路径，%1</translation>
    </message>
    <message>
        <source>Speedup over the baseline</source>
        <translation>相对基线的加速比</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Incorrect</source>
        <translation>结果错误</translation>
    </message>
    <message>
        <source>Compile error</source>
        <translation>编译错误</translation>
    </message>
    <message>
        <source>Runtime error</source>
        <translation>运行时错误</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Suspiciously fast</source>
        <translation>快得可疑</translation>
    </message>
    <message>
        <source>Invalid configuration</source>
        <translation>无效配置</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Incorrect shape</source>
        <translation>形状错误</translation>
    </message>
    <message>
        <source>Incorrect numerical result</source>
        <translation>数值结果错误</translation>
    </message>
    <message>
        <source>Incorrect data type</source>
        <translation>数据类型错误</translation>
    </message>
    <message>
        <source>Nondeterministic</source>
        <translation>结果不确定</translation>
    </message>
    <message>
        <source>Incomplete write</source>
        <translation>写入不完整</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待评估</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>compile</source>
        <translation>编译</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>nondet.</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分写入</translation>
    </message>
    <message>
        <source>too fast</source>
        <translation>过快</translation>
    </message>
    <message>
        <source>config</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>tuner</source>
        <translation>调优器</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>LLM</source>
        <translation>LLM</translation>
    </message>
    <message>
        <source>template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Modified its inputs</source>
        <translation>修改了输入</translation>
    </message>
    <message>
        <source>Work after return</source>
        <translation>返回后仍在运行</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>async</source>
        <translation>异步</translation>
    </message>
    <message>
        <source>%1 default</source>
        <translation>%1 恢复默认</translation>
    </message>
    <message>
        <source>LLM rewrite</source>
        <translation>LLM 改写</translation>
    </message>
    <message>
        <source>manual edit</source>
        <translation>手动编辑</translation>
    </message>
    <message>
        <source>from tuning cache</source>
        <translation>来自调优缓存</translation>
    </message>
    <message>
        <source>same parameters</source>
        <translation>参数相同</translation>
    </message>
    <message>
        <source>From its parent</source>
        <translation>相对父节点</translation>
    </message>
    <message>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <source>template&apos;s seed: %1</source>
        <translation>模板预设配置：%1</translation>
    </message>
    <message>
        <source>Speedup over %1</source>
        <translation>相对%1的加速比</translation>
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
        <source>Getting started</source>
        <translation>快速开始</translation>
    </message>
    <message>
        <source>Start a session with File → New Session… (Ctrl+N), or open one from the Sessions panel on the left. To let an LLM agent rewrite kernels, add a provider under Edit → Preferences… → LLM Providers. This is version %1.</source>
        <translation>通过“文件 → 新建会话…”（Ctrl+N）开始一个会话，或在左侧的“会话”面板中打开已有会话。若要让 LLM 智能体改写内核，请在“编辑 → 首选项… → LLM 服务商”中添加服务商。这是 %1 版。</translation>
    </message>
</context>
<context>
    <name>kforge::ui::WorkloadChart</name>
    <message>
        <source>Latency per workload</source>
        <translation>各工作负载的延迟</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Latency relative to the baseline (×, lower is faster)</source>
        <translation>相对基线的延迟（×，越低越快）</translation>
    </message>
    <message>
        <source>Latency (µs, log scale; median with p20–p80)</source>
        <translation>延迟（µs，对数刻度；中位数及 p20–p80）</translation>
    </message>
    <message>
        <source>%1 on %2: median %3 (p20 %4, p80 %5)</source>
        <translation>%1 在 %2 上：中位数 %3（p20 %4，p80 %5）</translation>
    </message>
</context>
<context>
    <name>kforge::ui::Workspace</name>
    <message>
        <source>Could not open the workspace %1: %2</source>
        <translation>无法打开工作区 %1：%2</translation>
    </message>
    <message>
        <source>Could not list the sessions in %1: %2</source>
        <translation>无法列出 %1 中的会话：%2</translation>
    </message>
    <message>
        <source>Could not load session %1 from %2: %3</source>
        <translation>无法从 %2 加载会话 %1：%3</translation>
    </message>
    <message>
        <source>Could not load a source of session %1 from %2: %3</source>
        <translation>无法从 %2 加载会话 %1 的源代码：%3</translation>
    </message>
    <message>
        <source>Could not load a node of session %1 from %2: %3</source>
        <translation>无法从 %2 加载会话 %1 的节点：%3</translation>
    </message>
    <message>
        <source>Could not rename session %1: %2</source>
        <translation>无法重命名会话 %1：%2</translation>
    </message>
    <message>
        <source>Could not delete session %1: %2</source>
        <translation>无法删除会话 %1：%2</translation>
    </message>
    <message>
        <source>Could not export session %1 to %2: %3</source>
        <translation>无法将会话 %1 导出到 %2：%3</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Could not load the LLM exchanges of session %1 from %2: %3</source>
        <translation>无法从 %2 加载会话 %1 的 LLM 交互：%3</translation>
    </message>
    <message>
        <source>Could not change the knowledge notes in %1: %2</source>
        <translation>无法修改 %1 中的知识笔记：%2</translation>
    </message>
    <message>
        <source>Could not export a node of session %1 to %2: %3</source>
        <translation>无法将会话 %1 的节点导出到 %2：%3</translation>
    </message>
</context>
</TS>
