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
    void scoreboardHasTheShuffledChanceLevel();
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

void TestScenePrompts::scoreboardHasTheShuffledChanceLevel()
{
    // Prompts 0 and 2 name attributes, prompt 1 ("a dog") does not and is never scored.
    SceneScoreboard board({"red objects", "a dog", "metal cubes"});
    QVERIFY(board.isScored(0) && !board.isScored(1) && board.isScored(2));
    QVERIFY(board.hasChance());
    // Four pixels: prompt 0 predicted at 0-1 and true at 0-1; prompt 2 predicted at 2, true at 2-3;
    // prompt 1 predicted at 3 (its truth is whatever the caller says: ignored).
    const std::vector<std::vector<bool>> truth{{true, true, false, false}, {false, false, false, true}, {false, false, true, true}};
    board.add({0, 0, 2, 1}, truth);
    std::vector<double> iou = board.perPrompt();
    QCOMPARE(iou[0], 1.0);
    QVERIFY(std::isnan(iou[1]));
    QCOMPARE(iou[2], 0.5);
    QCOMPARE(board.mean(), 0.75);
    // Shuffled: prompt 0's pixels against prompt 2's truth (0 of 4), prompt 2's against prompt 0's
    // (0 of 3).
    std::vector<double> chance = board.shuffledPerPrompt();
    QCOMPARE(chance[0], 0.0);
    QCOMPARE(chance[2], 0.0);
    QVERIFY(std::isnan(chance[1]));
    QCOMPARE(board.shuffledMean(), 0.0);
    // Another image's board merged sums pixels, as adding the image would.
    SceneScoreboard other({"red objects", "a dog", "metal cubes"});
    other.add({2, 2}, {{false, false}, {false, false}, {true, false}});
    SceneScoreboard added = board;
    added.add({2, 2}, {{false, false}, {false, false}, {true, false}});
    board.merge(other);
    QCOMPARE(board.images(), 2);
    QCOMPARE(board.perPrompt()[2], added.perPrompt()[2]);
    QCOMPARE(board.perPrompt()[2], 2.0 / 4.0);
    QCOMPARE(board.shuffledMean(), added.shuffledMean());
    QVERIFY_THROWS_EXCEPTION(Error, board.merge(SceneScoreboard({"red objects"})));
    // One scored prompt has no chance level to compare with.
    SceneScoreboard single({"red objects", "a dog"});
    single.add({0, 1}, {{true, false}, {false, true}});
    QVERIFY(!single.hasChance());
    QVERIFY(std::isnan(single.shuffledMean()));
    QCOMPARE(single.mean(), 1.0);
}

QTEST_GUILESS_MAIN(TestScenePrompts)
#include "tst_sceneprompts.moc"
