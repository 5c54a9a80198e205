// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/training/BatchNormStatistics.h"
#include "engine/core/training/TrainingLoop.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace periscope;

namespace {
// y = 3 x0 - 2 x1 + 0.5, with batches that depend only on the step: runs repeat exactly.
StepOutput regressionStep(torch::nn::Linear &model, std::int64_t step)
{
    torch::Generator generator = at::detail::createCPUGenerator(std::uint64_t(1000 + step));
    const torch::Tensor x = torch::randn({32, 2}, generator);
    const torch::Tensor y = 3.0 * x.select(1, 0) - 2.0 * x.select(1, 1) + 0.5;
    const torch::Tensor loss = torch::mse_loss(model->forward(x).squeeze(1), y);
    return {loss, {{"batch", double(step)}}};
}

torch::nn::Linear freshModel()
{
    torch::manual_seed(5);
    return torch::nn::Linear(2, 1);
}
} // namespace

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void schedulesFollowTheirFormulas();
    void trainsAndStreamsMetrics();
    void resumeContinuesExactly_data();
    void resumeContinuesExactly();
    void stopsEarlyWhenValidationStalls();
    void cancelSavesACheckpoint();
    void reportsDivergence();
    void batchNormStatisticsComeFromTheData();

private:
    QTemporaryDir m_dir;
};

void TestTraining::schedulesFollowTheirFormulas()
{
    const WarmupCosineSchedule schedule(1.0, 10, 110, 0.1);
    QCOMPARE(schedule.at(0), 0.1);   // warm-up: (step + 1) / warmup
    QCOMPARE(schedule.at(9), 1.0);
    QCOMPARE(schedule.at(10), 1.0);  // cosine starts at the peak
    QVERIFY(std::abs(schedule.at(60) - 0.55) < 1e-12); // half way: floor + (peak - floor) / 2
    QCOMPARE(schedule.at(110), 0.1);
    QCOMPARE(schedule.at(500), 0.1);
    QVERIFY_THROWS_EXCEPTION(Error, WarmupCosineSchedule(1.0, 20, 10));

    PlateauSchedule plateau(1.0, 0.5, 2);
    QCOMPARE(plateau.update(10.0), 1.0);
    QCOMPARE(plateau.update(9.0), 1.0);  // improved
    QCOMPARE(plateau.update(9.0), 1.0);  // 1 bad
    QCOMPARE(plateau.update(9.5), 1.0);  // 2 bad
    QCOMPARE(plateau.update(9.2), 0.5);  // 3 bad > patience: reduced
    QCOMPARE(plateau.learningRate(), 0.5);
}

void TestTraining::trainsAndStreamsMetrics()
{
    for (OptimizerKind kind : {OptimizerKind::Adam, OptimizerKind::AdamW, OptimizerKind::Sgd}) {
        torch::nn::Linear model = freshModel();
        OptimizerSettings settings;
        settings.kind = kind;
        settings.learningRate = kind == OptimizerKind::Sgd ? 0.05 : 0.05;
        auto optimizer = makeOptimizer(model->parameters(), settings);
        TrainingOptions options;
        options.totalSteps = 300;
        options.clipGradNorm = 10.0;
        options.learningRate = [](std::int64_t step) { return WarmupCosineSchedule(0.05, 20, 300, 0.001).at(step); };
        std::vector<double> losses;
        std::vector<std::string> names;
        const TrainingResult result = runTraining(
            *model, *optimizer, [&](std::int64_t step) { return regressionStep(model, step); }, {}, options,
            [&](std::int64_t, const Metrics &metrics) {
                losses.push_back(metrics.front().second);
                if (names.empty())
                    for (const auto &m : metrics)
                        names.push_back(m.first);
            });
        QCOMPARE(result.stepsDone, std::int64_t(300));
        QCOMPARE(int(losses.size()), 300);
        QVERIFY2(losses.back() < 1e-3 * losses.front(), qPrintable(QStringLiteral("%1: %2 -> %3")
                                                                  .arg(QString::fromStdString(toString(kind))).arg(losses.front()).arg(losses.back())));
        QCOMPARE(names, (std::vector<std::string>{"loss", "lr", "grad_norm", "batch"}));
        QVERIFY(std::abs(model->weight[0][0].item<double>() - 3.0) < 0.05);
    }
}

void TestTraining::resumeContinuesExactly_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("adam") << int(OptimizerKind::Adam);
    QTest::newRow("adamw") << int(OptimizerKind::AdamW);
    QTest::newRow("sgd") << int(OptimizerKind::Sgd);
}

void TestTraining::resumeContinuesExactly()
{
    QFETCH(int, kind);
    OptimizerSettings settings;
    settings.kind = OptimizerKind(kind);
    settings.learningRate = 0.02;
    settings.weightDecay = 0.01;
    TrainingOptions options;
    options.totalSteps = 40;
    options.optimizerKind = settings.kind;
    options.learningRate = [](std::int64_t step) { return WarmupCosineSchedule(0.02, 5, 40).at(step); };
    auto step = [](torch::nn::Linear &m) { return [&m](std::int64_t s) { return regressionStep(m, s); }; };

    // Uninterrupted.
    torch::nn::Linear straight = freshModel();
    auto straightOptimizer = makeOptimizer(straight->parameters(), settings);
    runTraining(*straight, *straightOptimizer, step(straight), {}, options, {});

    // 25 steps, checkpoint, then a new process's worth of objects resumes for the rest.
    const std::string stem = m_dir.filePath(QStringLiteral("resume-%1").arg(kind)).toStdString();
    {
        torch::nn::Linear first = freshModel();
        auto optimizer = makeOptimizer(first->parameters(), settings);
        TrainingOptions half = options;
        half.totalSteps = 25;
        half.checkpointStem = stem;
        runTraining(*first, *optimizer, step(first), {}, half, {});
    }
    QVERIFY(QFile::exists(QString::fromStdString(stem + ".safetensors")));
    QVERIFY(QFile::exists(QString::fromStdString(stem + ".json")));
    torch::manual_seed(99); // a different initialisation: the checkpoint must overwrite it all
    torch::nn::Linear resumed(2, 1);
    auto optimizer = makeOptimizer(resumed->parameters(), settings);
    const TrainingState state = loadTrainingCheckpoint(stem, *resumed, *optimizer, settings.kind);
    QCOMPARE(state.step, std::int64_t(25));
    runTraining(*resumed, *optimizer, step(resumed), {}, options, {}, JobControl(), state.step);

    QVERIFY2(torch::equal(resumed->weight, straight->weight), c10::str(resumed->weight - straight->weight).c_str());
    QVERIFY(torch::equal(resumed->bias, straight->bias));

    // Resuming with another optimizer is refused by name.
    auto sgd = makeOptimizer(resumed->parameters(), OptimizerSettings{OptimizerKind::Sgd});
    if (settings.kind != OptimizerKind::Sgd)
        QVERIFY_THROWS_EXCEPTION(Error, loadTrainingCheckpoint(stem, *resumed, *sgd, OptimizerKind::Sgd));
}

void TestTraining::stopsEarlyWhenValidationStalls()
{
    torch::nn::Linear model = freshModel();
    auto optimizer = makeOptimizer(model->parameters(), OptimizerSettings{});
    TrainingOptions options;
    options.totalSteps = 1000;
    options.evalEvery = 10;
    options.earlyStoppingPatience = 3;
    int evaluations = 0;
    // Validation improves for 5 evaluations, then stalls.
    const TrainingResult result = runTraining(
        *model, *optimizer, [&](std::int64_t s) { return regressionStep(model, s); },
        [&] { return double(std::max(0, 5 - evaluations++)); }, options, {});
    QVERIFY(result.stoppedEarly);
    QCOMPARE(result.bestStep, std::int64_t(60));
    QCOMPARE(result.bestValidation, 0.0);
    QCOMPARE(result.stepsDone, std::int64_t(90)); // 3 evaluations after the best
}

void TestTraining::cancelSavesACheckpoint()
{
    torch::nn::Linear model = freshModel();
    auto optimizer = makeOptimizer(model->parameters(), OptimizerSettings{});
    TrainingOptions options;
    options.totalSteps = 1000;
    options.checkpointStem = m_dir.filePath(QStringLiteral("cancelled")).toStdString();
    auto token = std::make_shared<CancelToken>();
    const JobControl control(token, {});
    QVERIFY_THROWS_EXCEPTION(CancelledError, runTraining(
                                                 *model, *optimizer,
                                                 [&](std::int64_t s) {
                                                     if (s == 17)
                                                         token->cancel();
                                                     return regressionStep(model, s);
                                                 },
                                                 {}, options, {}, control));
    torch::nn::Linear restored = freshModel();
    auto restoredOptimizer = makeOptimizer(restored->parameters(), OptimizerSettings{});
    const TrainingState state = loadTrainingCheckpoint(options.checkpointStem, *restored, *restoredOptimizer, OptimizerKind::Adam);
    QCOMPARE(state.step, std::int64_t(18));
    QVERIFY(torch::equal(restored->weight, model->weight));
}

void TestTraining::reportsDivergence()
{
    torch::nn::Linear model = freshModel();
    auto optimizer = makeOptimizer(model->parameters(), OptimizerSettings{});
    TrainingOptions options;
    options.totalSteps = 5;
    try {
        runTraining(*model, *optimizer, [&](std::int64_t s) {
            StepOutput out = regressionStep(model, s);
            if (s == 3)
                out.loss = out.loss * std::numeric_limits<float>::quiet_NaN();
            return out;
        }, {}, options, {});
        QFAIL("a NaN loss was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("diverged at step 3"), e.what());
    }
}

void TestTraining::batchNormStatisticsComeFromTheData()
{
    // Two batches of equal size: the running mean is the mean over both, the running variance
    // the average of the two batches' unbiased variances (PyTorch's cumulative average), however
    // many passes ran before; momentum and the module's mode are as they were.
    torch::nn::Sequential net(torch::nn::Conv2d(torch::nn::Conv2dOptions(2, 3, 1)), torch::nn::BatchNorm2d(3));
    net->eval();
    auto *bn = net[1]->as<torch::nn::BatchNorm2d>();
    const torch::Tensor first = torch::randn({4, 2, 5, 5}) * 3.0 + 1.0, second = torch::randn({4, 2, 5, 5});
    net->train();
    {
        torch::NoGradGuard noGrad;
        net->forward(torch::randn({4, 2, 5, 5}) * 10.0); // statistics that must be forgotten
    }
    net->eval();
    updateBatchNormStatistics(*net, {first, second}, [&](const torch::Tensor &x) { net->forward(x); });
    QVERIFY(!net->is_training());
    QCOMPARE(bn->options.momentum().value_or(-1.0), 0.1);
    torch::NoGradGuard noGrad;
    const torch::Tensor a = net[0]->as<torch::nn::Conv2d>()->forward(first).transpose(0, 1).flatten(1);
    const torch::Tensor b = net[0]->as<torch::nn::Conv2d>()->forward(second).transpose(0, 1).flatten(1);
    const torch::Tensor mean = (a.mean(1) + b.mean(1)) / 2.0;
    const torch::Tensor variance = (a.var(1) + b.var(1)) / 2.0;
    QVERIFY(torch::allclose(bn->running_mean, mean, 1e-5, 1e-5));
    QVERIFY(torch::allclose(bn->running_var, variance, 1e-4, 1e-5));
    QCOMPARE(bn->num_batches_tracked.item<std::int64_t>(), std::int64_t(2));
}

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
