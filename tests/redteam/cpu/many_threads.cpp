// Not a cheat: an honest row sum that asks OpenMP for 64 threads, as a THREADS
// tuned on a bigger machine would. The runner caps OpenMP at the cores it may
// use (OMP_THREAD_LIMIT), so the team must be no larger than this process's
// affinity mask; a larger one fails the call, which the test sees.
#include <kf_abi.h>
#include <omp.h>
#include <sched.h>
KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    int team = 0;
#pragma omp parallel num_threads(64)
    {
#pragma omp single
        team = omp_get_num_threads();
#pragma omp for schedule(static)
        for (int64_t r = 0; r < m; ++r) {
            float s = 0;
            for (int64_t j = 0; j < n; ++j) s += x[r * n + j];
            y[r] = s;
        }
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && team > CPU_COUNT(&set)) return 1;
    return 0;
}
