// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace periscope {

// SHA-256 (FIPS 180-4), written here because engine/core may depend on nothing but LibTorch.
// Used to pin model files in the store, not for anything secret.
class Sha256 {
public:
    Sha256();
    void update(const void *data, std::size_t size);
    std::string hexDigest(); // finishes the hash; lower-case hex

private:
    void compress(const std::uint8_t block[64]);
    std::uint32_t m_state[8];
    std::uint8_t m_buffer[64];
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

std::string sha256Hex(const void *data, std::size_t size);
std::string sha256OfFile(const std::string &path); // throws periscope::Error
} // namespace periscope
