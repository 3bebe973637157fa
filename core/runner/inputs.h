#pragma once
// Seeded inputs. Each element is a pure function of (seed, input index,
// element index) through a counter-based hash, so the same seed gives the same
// tensor on every machine, in any thread order, and a different seed gives
// fresh data.
#include <cstdint>
#include <string>
#include <vector>

#include "runner/protocol.h"

namespace kforge {

void generateInput(const TensorSpec& spec, uint64_t seed, uint32_t inputIndex, uint64_t elements,
                   std::vector<uint8_t>& out);
void fillScalar(const TensorSpec& spec, double value, uint64_t elements, std::vector<uint8_t>& out);
// Recorded data: the file must hold exactly `bytes` bytes (the core staged it
// so); throws std::runtime_error naming the file otherwise.
void readInputFile(const std::string& path, uint64_t bytes, std::vector<uint8_t>& out);

}  // namespace kforge
