#pragma once

// content/ owns the bundle model (mlaprep-bundle/1, docs/content-format.md): loading, validation and
// the Markdown scanning that validation needs. It never includes store/ or <sqlite3.h>.

#include "common/CalendarDate.h"
#include "content/ExamSpec.h"
#include "content/Question.h"

#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

// One bullet of a task statement in the exam guide: a knowledge item ("1.1-K1") or a skill ("1.1-S1").
struct Bullet {
    std::string id;
    std::string text;
    std::string taskId;
};

struct Task {
    std::string id;
    std::string title;
    std::string domainId;
    std::vector<Bullet> knowledge;
    std::vector<Bullet> skills;
};

struct Domain {
    std::string id;
    std::string title;
    double weight = 0.0;
    std::vector<Task> tasks;
};

struct Heading {
    int level = 1;
    std::string text;
    std::string slug;
};

struct Note {
    std::string id;
    std::string task; // empty for a note bound to no task statement (the exam orientation)
    std::string title;
    std::string file;
    std::string markdown;
    std::vector<Heading> headings;

    bool hasHeading(const std::string& slug) const;
};

struct Card {
    std::string id;
    std::string task; // empty for a card bound to no task statement (the exam orientation)
    std::string front;
    std::string back;
    std::string note;
    std::vector<std::string> refs;
    std::vector<std::string> tags;
    std::vector<std::string> bullets;
    std::optional<CalendarDate> verified;
    int revision = 1;
    std::string file;

    // A bundle card bound to no task statement (the exam orientation). The learner's own imported cards
    // come from no bundle file and are not, even without a task.
    bool isOrientation() const { return task.empty() && !file.empty(); }
};

// A scored item with the case it belongs to (null for a top-level question). A case child without its
// own note or difficulty takes its case's.
struct ScoredItem {
    const Question* item = nullptr;
    const Question* caseParent = nullptr;

    const std::string& note() const
    {
        return item->note.empty() && caseParent ? caseParent->note : item->note;
    }
    int difficulty() const
    {
        return item->difficulty > 0 || !caseParent ? item->difficulty : caseParent->difficulty;
    }
};

struct Bundle {
    std::filesystem::path root;
    std::string format;
    std::string id;
    std::string title;
    std::string version;
    std::string origin;
    std::string source;
    ExamSpec exam;
    std::vector<Domain> domains;
    std::vector<Note> notes;
    // A deque, so that cards the learner imports while the app runs can be appended without moving the
    // ones that services and views already point to.
    std::deque<Card> cards;
    std::vector<Question> questions;

    bool isImported() const { return origin == "imported"; }

    const Task* findTask(const std::string& taskId) const;
    const Domain* findDomain(const std::string& domainId) const;
    const Domain* domainOfTask(const std::string& taskId) const;
    const Note* findNote(const std::string& noteId) const;
    std::vector<const Note*> notesOfTask(const std::string& taskId) const;
    const Bullet* findBullet(const std::string& bulletId) const;
    // Every bullet of every task, knowledge before skills, in manifest order.
    std::vector<const Bullet*> bullets() const;

    // Scored items: top-level questions that are not case parents, plus every case child.
    std::vector<const Question*> scoredItems() const;
    // The same items, in the same order, each with its case.
    std::vector<ScoredItem> scoredItemsWithCases() const;
};

// Counts that `validate --json` reports and content issues quote.
struct BundleCounts {
    int notes = 0;
    int cards = 0;
    int questions = 0;
    int scoredItems = 0;
    std::map<std::string, int> byDomain;
    std::map<std::string, int> byTask;
    std::map<std::string, int> byType;
};

BundleCounts countBundle(const Bundle& bundle);

} // namespace mlaprep
