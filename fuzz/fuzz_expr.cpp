// The expression language of kforge.bytes, kforge.flops, constraints and
// @constraint lines: parse, list the names, evaluate with every name bound.
// The first byte picks the names' values, so zero divisors and large values
// are reached as well as ordinary ones.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "task/expr.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    static constexpr double kValues[] = {0, 1, 2, 3, 7, 64, 4096, 1e9, -1, 0.5, 1e300, -1e300};
    constexpr size_t kCount = sizeof kValues / sizeof kValues[0];
    const uint8_t pick = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    try {
        const kforge::Expr e = kforge::Expr::parse(text);
        (void)e.names();
        const kforge::Expr::Lookup lookup = [pick](std::string_view name) -> std::optional<double> {
            if (name == "unknown") return std::nullopt;
            return kValues[(pick + name.size()) % kCount];
        };
        (void)e.eval(lookup);
    } catch (const kforge::Error&) {
    }
    return 0;
}
