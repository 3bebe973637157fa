// The @tune space of resources/tasks/row_sum_fp32/cuda/template.cu when sweep_row_sum_fp32_h200.jsonl
// was recorded (commit 1c290b2): the replay needs the space the sweep covered, not today's.
// @tune BLOCK 256 128 512 1024
// @tune TPR 32 8 64 128 256 512 1024
// @tune VEC 4 2 1
// @tune SPLIT 1 4 16
// @constraint TPR <= BLOCK
