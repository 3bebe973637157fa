// Control: an honest row sum on the stream passed in. It must PASS everywhere.
#include "row_sum.cuh"
KF_EXPORT int kf_run(const kf_call* call) {
    ROW_SUM_ARGS
    launchRowSum(x, y, m, n, stream);
    KF_CHECK_LAUNCH(call);
    return 0;
}
