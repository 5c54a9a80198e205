// SPDX-License-Identifier: GPL-3.0-or-later
// Prompts about generated scenes read as attribute filters, and the per-prompt IoU, by hand.
#include "engine/core/errors/Error.h"
#include "engine/openvocab/ScenePrompts.h"

#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::openvocab;

class TestScenePrompts : public QObject {
    Q_OBJECT
private slots:
    void readsAttributes();
    void refusesWhatItCannotScore();
    void scoresIntersectionOverUnion();
};

void TestScenePrompts::readsAttributes()
{
    const std::optional<AttributeQuery> red = parseScenePrompt("red objects");
    QVERIFY(red);
    QCOMPARE(red->color, std::string("red"));
    QVERIFY(red->shape.empty() && red->material.empty() && red->size.empty());
    QVERIFY(red->matches("red", "metal", "cube", "small"));
    QVERIFY(!red->matches("blue", "metal", "cube", "small"));
    const std::optional<AttributeQuery> sphere = parseScenePrompt("A large red Metal SPHERE.");
    QVERIFY(sphere);
    QCOMPARE(sphere->size, std::string("large"));
    QCOMPARE(sphere->material, std::string("metal"));
    QCOMPARE(sphere->shape, std::string("sphere"));
    QVERIFY(sphere->matches("red", "metal", "sphere", "large"));
    QVERIFY(!sphere->matches("red", "rubber", "sphere", "large"));
    QCOMPARE(parseScenePrompt("metal cubes")->shape, std::string("cube"));
    QCOMPARE(parseScenePrompt("shiny blocks")->material, std::string("metal"));
    QCOMPARE(parseScenePrompt("small spheres")->size, std::string("small"));
    QCOMPARE(parseScenePrompt("grey balls")->color, std::string("gray"));
    QVERIFY(parseScenePrompt("objects")->isEmpty());
}

void TestScenePrompts::refusesWhatItCannotScore()
{
    QVERIFY(!parseScenePrompt("a dog"));
    QVERIFY(!parseScenePrompt("red blue cubes"));
    QVERIFY(!parseScenePrompt("cubes left of the sphere"));
    QVERIFY(parseScenePrompt("red red cubes")); // the same value twice is still one filter
}

void TestScenePrompts::scoresIntersectionOverUnion()
{
    PromptIoU iou(3);
    // Six pixels: prompt 0 predicted at 0-2, true at 1-3 (2 of 4); prompt 1 predicted at 4, true
    // nowhere (0); prompt 2 neither (undefined); pixel 5 background.
    iou.add({0, 0, 0, -1, 1, -1}, {{false, true, true, true, false, false}, {false, false, false, false, false, false}, std::vector<bool>(6, false)});
    std::vector<double> per = iou.perPrompt();
    QCOMPARE(per[0], 0.5);
    QCOMPARE(per[1], 0.0);
    QVERIFY(std::isnan(per[2]));
    QCOMPARE(iou.mean(), 0.25);
    // A second image adds its pixels to the same sums (not a mean of means).
    iou.add({0, 0}, {{true, true}, {false, false}, {true, false}});
    per = iou.perPrompt();
    QCOMPARE(per[0], 4.0 / 6.0);
    QCOMPARE(per[2], 0.0);
    QVERIFY_THROWS_EXCEPTION(Error, iou.add({0}, {{true}}));
    QVERIFY_THROWS_EXCEPTION(Error, iou.add({0}, {{true, false}, {true}, {true}}));
}

QTEST_GUILESS_MAIN(TestScenePrompts)
#include "tst_sceneprompts.moc"
