#include "runner/cuda_driver.h"

#include <dlfcn.h>

namespace kforge::cuda {

bool Driver::load(std::string& why) {
    void* lib = ::dlopen("libcuda.so.1", RTLD_NOW | RTLD_GLOBAL);
    if (!lib) lib = ::dlopen("libcuda.so", RTLD_NOW | RTLD_GLOBAL);
    if (!lib) {
        why = "no CUDA driver (libcuda.so.1 not found)";
        return false;
    }
    bool ok = true;
    auto bind = [&](auto& fn, const char* name, const char* fallback = nullptr) {
        void* sym = ::dlsym(lib, name);
        if (!sym && fallback) sym = ::dlsym(lib, fallback);
        if (!sym) {
            why = std::string("the CUDA driver lacks ") + name;
            ok = false;
        }
        fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(sym);
    };
    bind(cuInit, "cuInit");
    bind(cuDriverGetVersion, "cuDriverGetVersion");
    bind(cuDeviceGetCount, "cuDeviceGetCount");
    bind(cuDeviceGet, "cuDeviceGet");
    bind(cuDeviceGetName, "cuDeviceGetName");
    bind(cuDeviceTotalMem, "cuDeviceTotalMem_v2");
    bind(cuDeviceGetAttribute, "cuDeviceGetAttribute");
    bind(cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain");
    bind(cuCtxSetCurrent, "cuCtxSetCurrent");
    bind(cuCtxSynchronize, "cuCtxSynchronize");
    bind(cuMemAlloc, "cuMemAlloc_v2");
    bind(cuMemFree, "cuMemFree_v2");
    bind(cuMemGetInfo, "cuMemGetInfo_v2");
    bind(cuMemAllocHost, "cuMemAllocHost_v2");
    bind(cuMemFreeHost, "cuMemFreeHost");
    bind(cuMemcpyHtoD, "cuMemcpyHtoD_v2");
    bind(cuMemcpyDtoH, "cuMemcpyDtoH_v2");
    bind(cuMemcpyHtoDAsync, "cuMemcpyHtoDAsync_v2");
    bind(cuMemcpyDtoHAsync, "cuMemcpyDtoHAsync_v2");
    bind(cuMemcpyDtoDAsync, "cuMemcpyDtoDAsync_v2");
    bind(cuMemsetD8, "cuMemsetD8_v2");
    bind(cuMemsetD8Async, "cuMemsetD8Async");
    bind(cuStreamCreate, "cuStreamCreate");
    bind(cuStreamSynchronize, "cuStreamSynchronize");
    bind(cuEventCreate, "cuEventCreate");
    bind(cuEventRecord, "cuEventRecord");
    bind(cuEventSynchronize, "cuEventSynchronize");
    bind(cuEventElapsedTime, "cuEventElapsedTime", "cuEventElapsedTime_v2");
    bind(cuModuleLoadData, "cuModuleLoadData");
    bind(cuModuleGetFunction, "cuModuleGetFunction");
    bind(cuLaunchKernel, "cuLaunchKernel");
    bind(cuGetErrorName, "cuGetErrorName");
    bind(cuGetErrorString, "cuGetErrorString");
    bind(cuProfilerStart, "cuProfilerStart");
    bind(cuProfilerStop, "cuProfilerStop");
    return ok;
}

std::string Driver::describe(CUresult r) const {
    const char* name = nullptr;
    const char* text = nullptr;
    if (cuGetErrorName) cuGetErrorName(r, &name);
    if (cuGetErrorString) cuGetErrorString(r, &text);
    return std::string(name ? name : "CUDA error") + " (" + std::to_string(r) + ")" + (text ? std::string(": ") + text : "");
}

}  // namespace kforge::cuda
