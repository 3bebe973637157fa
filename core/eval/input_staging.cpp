#include "eval/input_staging.h"

#include <fstream>

#include "task/safetensors.h"
#include "util/error.h"

namespace kforge {

InputStaging::InputStaging() : dir_(std::make_shared<ScratchDir>("kforge-inputs-")) {}

std::string InputStaging::stage(const WorkloadInput& input, const TensorDef& def, const std::vector<int64_t>& shape) {
    std::error_code sizeError, timeError;
    const uint64_t size = std::filesystem::file_size(input.file, sizeError);
    const auto mtime = std::filesystem::last_write_time(input.file, timeError);
    if (sizeError || timeError)
        throw Error(located(input.file.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot be read (%1)"),
                                                        (sizeError ? sizeError : timeError).message())));
    const Key key{input.file.string(), input.tensorKey, size, static_cast<int64_t>(mtime.time_since_epoch().count())};
    std::lock_guard lock(mutex_);
    if (const auto it = staged_.find(key); it != staged_.end()) return it->second;

    const SafetensorsFile st = readSafetensorsHeader(input.file);
    const auto entry = st.tensors.find(input.tensorKey);
    const Phrase what = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: tensor '%2'"), input.file.string(), input.tensorKey);
    if (entry == st.tensors.end()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: no longer in the file"), what));
    if (dtypeFromSafetensors(entry->second.dtype) != def.dtype || entry->second.shape != shape)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: its dtype or shape changed since the task was loaded"), what));
    const std::vector<uint8_t> bytes = readSafetensorsBytes(st, entry->second);
    const auto path = dir_->path() / (std::to_string(staged_.size()) + ".bin");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: cannot be written (staging %2)"), path.string(), what));
    return staged_.emplace(key, path.string()).first->second;
}

}  // namespace kforge
