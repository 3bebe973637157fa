#pragma once
#include <stdexcept>
#include <string>

namespace kforge {

// An error a user can act on: the message says where (file, field, line) and
// what is wrong. Thrown inside core, caught and shown at its boundaries.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace kforge
