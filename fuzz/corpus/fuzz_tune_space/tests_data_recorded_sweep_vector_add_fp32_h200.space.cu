// The @tune space of resources/tasks/vector_add_fp32/cuda/template.cu when sweep_vector_add_fp32_h200.jsonl
// was recorded (commit 1c290b2): the replay needs the space the sweep covered, not today's.
// @tune BLOCK 256 128 512 1024
// @tune VEC 4 1 2
// @tune ITEMS 1 2 4 8
// @constraint BLOCK * ITEMS <= 4096
