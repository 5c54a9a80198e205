// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace periscope {

// The one base of every error the engine reports. Its message is meant for a user: it says
// what went wrong and with which file, tensor or value, so the UI can show it as it is.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string &message) : std::runtime_error(message) {}
};

// Thrown by work that noticed its cancel token; job runners report it as "cancelled", not
// as a failure.
class CancelledError : public Error {
public:
    CancelledError() : Error("cancelled") {}
};

// A request the engine cannot satisfy on this machine (no CUDA, unsupported dtype, ...).
class UnsupportedError : public Error {
public:
    using Error::Error;
};

} // namespace periscope
