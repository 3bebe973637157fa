#include "runner/workload_buffers.h"

#include <algorithm>
#include <cstring>

#include "task/dtype.h"

namespace kforge {

namespace {

uint64_t elementCount(const std::vector<int64_t>& shape) {
    uint64_t n = 1;
    for (int64_t d : shape) n *= static_cast<uint64_t>(d);
    return n;
}

kf_tensor makeTensor(void* data, DType type, const std::vector<int64_t>& shape) {
    kf_tensor t{};
    t.data = data;
    t.dtype = static_cast<int32_t>(type);
    t.ndim = static_cast<int32_t>(shape.size());
    int64_t stride = 1;
    for (size_t i = shape.size(); i-- > 0;) {
        t.shape[i] = shape[i];
        t.strides[i] = stride;
        stride *= shape[i];
    }
    return t;
}

bool sameTensors(const std::vector<kf_tensor>& a, const std::vector<kf_tensor>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(kf_tensor)) == 0);
}

}  // namespace

WorkloadBuffers::WorkloadBuffers(Device& device, const EvaluateSpec& spec, const WorkloadSpec& w) : device_(device) {
    try {
        for (size_t i = 0; i < spec.inputs.size(); ++i) {
            const size_t bytes = elementCount(w.inputShapes[i]) * dtypeInfo(spec.inputs[i].dtype).bytes;
            inputs_.push_back(device_.allocate(bytes, 0));
            inputTensors_.push_back(makeTensor(inputs_.back().data, spec.inputs[i].dtype, w.inputShapes[i]));
        }
        for (size_t i = 0; i < spec.outputs.size(); ++i) {
            const size_t bytes = elementCount(w.outputShapes[i]) * dtypeInfo(spec.outputs[i].dtype).bytes;
            outputs_.push_back(device_.allocate(bytes, kCanaryBytes));
            outputTensors_.push_back(makeTensor(outputs_.back().data, spec.outputs[i].dtype, w.outputShapes[i]));
        }
    } catch (...) {
        releaseAll();
        throw;
    }
    for (const auto& n : spec.axisNames) axisNames_.push_back(n.c_str());
    axisValues_ = w.axisValues;
    pristineInputs_ = inputTensors_;
    pristineOutputs_ = outputTensors_;
    pristineAxisValues_ = axisValues_;
    pristine_.abi_version = KF_ABI_VERSION;
    pristine_.num_inputs = static_cast<int32_t>(inputTensors_.size());
    pristine_.num_outputs = static_cast<int32_t>(outputTensors_.size());
    pristine_.num_axes = static_cast<int32_t>(axisNames_.size());
    pristine_.inputs = inputTensors_.data();
    pristine_.outputs = outputTensors_.data();
    pristine_.axis_names = axisNames_.data();
    pristine_.axis_values = axisValues_.data();
    pristine_.stream = device_.stream();
    pristine_.error = error_;
    pristine_.error_capacity = sizeof error_;
    call_ = pristine_;
}

WorkloadBuffers::~WorkloadBuffers() { releaseAll(); }

void WorkloadBuffers::releaseAll() {
    for (auto& b : inputs_) device_.release(b);
    for (auto& b : outputs_) device_.release(b);
}

uint64_t WorkloadBuffers::inputBytes() const {
    uint64_t total = 0;
    for (const auto& b : inputs_) total += b.bytes;
    return total;
}

const kf_call* WorkloadBuffers::freshCall() {
    call_ = pristine_;
    // Copied into the same storage: the pointers in call_ stay valid.
    std::copy(pristineInputs_.begin(), pristineInputs_.end(), inputTensors_.begin());
    std::copy(pristineOutputs_.begin(), pristineOutputs_.end(), outputTensors_.begin());
    std::copy(pristineAxisValues_.begin(), pristineAxisValues_.end(), axisValues_.begin());
    error_[0] = '\0';
    return &call_;
}

std::string WorkloadBuffers::tampering() const {
    // The error text is the candidate's to write; everything else is ours.
    kf_call seen = call_;
    seen.error = pristine_.error;
    if (std::memcmp(&seen, &pristine_, sizeof seen) != 0) return "the kf_call itself (a pointer or a count)";
    if (!sameTensors(inputTensors_, pristineInputs_)) return "an input's tensor descriptor (its data pointer, shape or strides)";
    if (!sameTensors(outputTensors_, pristineOutputs_)) return "an output's tensor descriptor (its data pointer, shape or strides)";
    if (axisValues_ != pristineAxisValues_) return "the axis values";
    return {};
}

void WorkloadBuffers::upload(const std::vector<std::vector<uint8_t>>& host) {
    for (size_t i = 0; i < inputs_.size(); ++i) {
        device_.setReadOnly(inputs_[i], false);
        device_.upload(inputs_[i], host[i].data(), host[i].size());
        device_.setReadOnly(inputs_[i], true);  // a candidate writing its inputs faults at once
    }
}

void WorkloadBuffers::restore(const std::vector<DeviceBuffer>& snapshot) {
    for (size_t i = 0; i < inputs_.size(); ++i) {
        device_.setReadOnly(inputs_[i], false);
        device_.copy(inputs_[i], snapshot[i], inputs_[i].bytes);
        device_.setReadOnly(inputs_[i], true);
    }
}

void WorkloadBuffers::writeInput(size_t index, size_t offset, const void* bytes, size_t count) {
    DeviceBuffer at = inputs_[index];
    at.data = static_cast<char*>(at.data) + offset;
    device_.setReadOnly(inputs_[index], false);
    device_.upload(at, bytes, count);
    device_.setReadOnly(inputs_[index], true);
}

void WorkloadBuffers::readInput(size_t index, size_t offset, void* bytes, size_t count) {
    device_.download(bytes, inputs_[index], offset, count);
}

void WorkloadBuffers::poison(uint8_t value) {
    for (auto& b : outputs_) {
        device_.fill(b, value, 0, b.bytes);
        device_.fill(b, kCanary, b.bytes, b.slack);
    }
}

void WorkloadBuffers::download(std::vector<HostBuffer>& out) {
    while (out.size() < outputs_.size()) out.emplace_back(device_);
    for (size_t i = 0; i < outputs_.size(); ++i) {
        out[i].resize(outputs_[i].bytes);
        device_.download(out[i].data(), outputs_[i], 0, outputs_[i].bytes);
    }
}

std::vector<std::vector<uint8_t>> WorkloadBuffers::download() {
    std::vector<std::vector<uint8_t>> out(outputs_.size());
    for (size_t i = 0; i < outputs_.size(); ++i) {
        out[i].resize(outputs_[i].bytes);
        device_.download(out[i].data(), outputs_[i], 0, outputs_[i].bytes);
    }
    return out;
}

int WorkloadBuffers::damagedCanary(size_t& damaged) {
    std::vector<uint8_t> slack;
    for (size_t i = 0; i < outputs_.size(); ++i) {
        slack.resize(outputs_[i].slack);
        device_.download(slack.data(), outputs_[i], outputs_[i].bytes, outputs_[i].slack);
        damaged = 0;
        for (uint8_t byte : slack) damaged += byte != kCanary;
        if (damaged) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace kforge
