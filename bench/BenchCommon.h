// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the bench executables: argument parsing, timing, device set-up. Benchmarks print one
// JSON object per line; they are never run by the tests.
#pragma once

#include "engine/core/device/Device.h"
#include "engine/core/errors/Error.h"

#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

// --key value pairs; every key must be one the bench knows.
class Arguments {
public:
    Arguments(int argc, char **argv, std::map<std::string, std::string> defaults) : m_values(std::move(defaults))
    {
        for (int i = 1; i < argc; ++i) {
            std::string key = argv[i];
            if (key.rfind("--", 0) != 0 || i + 1 >= argc || !m_values.count(key.substr(2)))
                throw periscope::Error("unknown or incomplete argument " + key + usage());
            m_values[key.substr(2)] = argv[++i];
        }
    }
    std::string text(const std::string &key) const { return m_values.at(key); }
    int integer(const std::string &key) const { return std::stoi(m_values.at(key)); }
    double number(const std::string &key) const { return std::stod(m_values.at(key)); }
    std::vector<std::string> list(const std::string &key) const
    {
        std::vector<std::string> items;
        std::stringstream in(m_values.at(key));
        for (std::string item; std::getline(in, item, ',');)
            if (!item.empty())
                items.push_back(item);
        return items;
    }

private:
    std::string usage() const
    {
        std::string text = " (known:";
        for (const auto &[key, value] : m_values)
            text += " --" + key + " " + value;
        return text + ")";
    }
    std::map<std::string, std::string> m_values;
};

inline periscope::DeviceInfo setUpDevice(const Arguments &args)
{
    periscope::setThreadCount(args.integer("threads"));
    periscope::seedEverything(0);
    return periscope::selectDevice(periscope::parseDevicePreference(args.text("device")));
}

inline void synchronize(const torch::Device &device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

// Seconds per call of `work`: one warm-up call, then repeats until `minSeconds` have passed
// (at least once, at most maxRepeats).
inline double secondsPerCall(const torch::Device &device, const std::function<void()> &work, double minSeconds, int maxRepeats)
{
    work();
    synchronize(device);
    int repeats = 0;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0.0;
    do {
        work();
        synchronize(device);
        ++repeats;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (elapsed < minSeconds && repeats < maxRepeats);
    return elapsed / repeats;
}

// Removes a folder and what is in it. Not std::filesystem::remove_all: libtorch.so (2.11's wheel)
// exports its own copy of std::filesystem, and its remove_all binds in place of libstdc++'s in
// anything linked with LibTorch and crashes (a call through a null pointer).
inline void removeTree(const std::filesystem::path &folder)
{
    std::error_code ignored;
    for (const std::filesystem::directory_entry &entry : std::filesystem::directory_iterator(folder, ignored)) {
        if (entry.is_directory(ignored) && !entry.is_symlink(ignored))
            removeTree(entry.path());
        else
            std::filesystem::remove(entry.path(), ignored);
    }
    std::filesystem::remove(folder, ignored);
}

inline std::string escape(const std::string &s)
{
    std::string out;
    for (char c : s)
        out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return out;
}

} // namespace bench
