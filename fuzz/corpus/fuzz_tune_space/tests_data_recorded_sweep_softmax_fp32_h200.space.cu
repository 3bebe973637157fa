// The @tune space of resources/tasks/softmax_fp32/cuda/template.cu when sweep_softmax_fp32_h200.jsonl
// was recorded (commit 1c290b2): the replay needs the space the sweep covered, not today's.
// @tune BLOCK 128 256 512 1024
// @tune TPR 128 32 64 256 512 1024 8
// @tune VEC 4 2 1
// @constraint TPR <= BLOCK
