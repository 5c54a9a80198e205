// SPDX-License-Identifier: GPL-3.0-or-later
// The queue between a decoding thread and a model: items arrive in order and never more than
// `capacity` wait; finish() lets the consumer drain and stop; close() frees a producer waiting on a
// full queue and a consumer waiting on an empty one.
#include "engine/core/jobs/BoundedQueue.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace periscope;

class TestBoundedQueue : public QObject {
    Q_OBJECT
private slots:
    void itemsArriveInOrderWithinCapacity();
    void finishDrainsThenEnds();
    void closeFreesBothSides();
};

void TestBoundedQueue::itemsArriveInOrderWithinCapacity()
{
    BoundedQueue<int> queue(2);
    std::atomic<int> pushed{0};
    std::thread producer([&] {
        for (int i = 0; i < 1000; ++i) {
            queue.push(i);
            pushed.store(i + 1);
        }
        queue.finish();
    });
    int expected = 0;
    while (std::optional<int> item = queue.pop()) {
        QCOMPARE(*item, expected);
        ++expected;
        // The producer is never more than the capacity (plus the item it holds) ahead.
        QVERIFY(pushed.load() <= expected + 2);
    }
    producer.join();
    QCOMPARE(expected, 1000);
}

void TestBoundedQueue::finishDrainsThenEnds()
{
    BoundedQueue<int> queue(4);
    QVERIFY(queue.push(1));
    QVERIFY(queue.push(2));
    queue.finish();
    QCOMPARE(queue.pop().value_or(-1), 1);
    QCOMPARE(queue.pop().value_or(-1), 2);
    QVERIFY(!queue.pop().has_value());
}

void TestBoundedQueue::closeFreesBothSides()
{
    BoundedQueue<int> full(1);
    QVERIFY(full.push(1));
    std::atomic<bool> pushReturned{false}, pushResult{true};
    std::thread producer([&] {
        pushResult.store(full.push(2)); // waits: the queue is full
        pushReturned.store(true);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    QVERIFY(!pushReturned.load());
    full.close();
    producer.join();
    QVERIFY(!pushResult.load());
    QVERIFY(!full.pop().has_value()); // closed: what was queued is dropped

    BoundedQueue<int> empty(1);
    std::atomic<bool> popped{false};
    std::thread consumer([&] {
        popped.store(!empty.pop().has_value());
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    empty.close();
    consumer.join();
    QVERIFY(popped.load());
}

QTEST_GUILESS_MAIN(TestBoundedQueue)
#include "tst_boundedqueue.moc"
