// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/errors/Error.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace periscope {

// Shared between the thread that asks for cancellation (the UI) and the worker that honours
// it. Work polls it at a granularity that keeps the response under a second (a batch, a
// frame, a training step) and leaves by throwing CancelledError.
class CancelToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }
    void throwIfCancelled() const
    {
        if (isCancelled())
            throw CancelledError();
    }

private:
    std::atomic<bool> m_cancelled{false};
};

// fraction in [0, 1], or negative when the amount of work is unknown; message is optional.
using ProgressCallback = std::function<void(double fraction, const std::string &message)>;

// What a long-running engine function receives: a way to learn it should stop and a way to
// say how far it is. Both may be empty (a plain synchronous call from a test or the CLI).
class JobControl {
public:
    JobControl() = default;
    JobControl(std::shared_ptr<const CancelToken> token, ProgressCallback progress)
        : m_token(std::move(token)), m_progress(std::move(progress))
    {
    }

    bool isCancelled() const noexcept { return m_token && m_token->isCancelled(); }
    void throwIfCancelled() const
    {
        if (m_token)
            m_token->throwIfCancelled();
    }
    void reportProgress(double fraction, const std::string &message = {}) const
    {
        if (m_progress)
            m_progress(fraction, message);
    }
    // The same job's control for a part of it that runs from `from` to `to` of the whole: its
    // progress 0 .. 1 is reported as from .. to (unknown stays unknown); cancelling is shared.
    JobControl subRange(double from, double to) const
    {
        if (!m_progress)
            return *this;
        ProgressCallback whole = m_progress;
        return JobControl(m_token, [whole, from, to](double fraction, const std::string &message) {
            whole(fraction < 0.0 ? fraction : from + (to - from) * fraction, message);
        });
    }

private:
    std::shared_ptr<const CancelToken> m_token;
    ProgressCallback m_progress;
};

} // namespace periscope
