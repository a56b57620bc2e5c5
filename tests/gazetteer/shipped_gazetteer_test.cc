// The shipped gazetteer's coverage (issue 11): sizes by type, and every head of state and
// government of the 22 Arab League states since 2000, listed with sources in
// tests/data/gazetteer/heads_*.tsv, present as a person.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "actorgraph/gazetteer/gazetteer.h"
#include "test_util.h"

namespace actorgraph {
namespace {

const Gazetteer& Shipped() {
  static const Gazetteer g = Gazetteer::Load({testing::SourcePath("gazetteer")});
  return g;
}

std::map<ActorType, size_t> CountByType() {
  std::map<ActorType, size_t> n;
  for (const auto& a : Shipped().actors()) n[a.type]++;
  return n;
}

TEST(ShippedGazetteer, CoversTheRegionsLeadingActors) {
  auto n = CountByType();
  EXPECT_GE(n[ActorType::kPerson], 2000u);
  EXPECT_GE(n[ActorType::kGroup], 600u);
  EXPECT_GE(n[ActorType::kState], 200u);
}

TEST(ShippedGazetteer, EveryArabLeagueHeadOfStateAndGovernmentSince2000IsPresent) {
  const std::set<std::string> arab_league = {"Algeria",      "Bahrain",    "Comoros",
                                             "Djibouti",     "Egypt",      "Iraq",
                                             "Jordan",       "Kuwait",     "Lebanon",
                                             "Libya",        "Mauritania", "Morocco",
                                             "Oman",         "Palestine",  "Qatar",
                                             "Saudi Arabia", "Somalia",    "Sudan",
                                             "Syria",        "Tunisia",    "United Arab Emirates",
                                             "Yemen"};
  std::set<std::string> countries;
  size_t rows = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourcePath("tests/data/gazetteer"))) {
    if (entry.path().extension() != ".tsv" || entry.path().stem().string().rfind("heads", 0) != 0)
      continue;
    std::ifstream in(entry.path());
    std::string line;
    std::getline(in, line);  // header: country, office, actor_id, name_en
    for (int n = 2; std::getline(in, line); ++n) {
      if (line.empty()) continue;
      std::istringstream fields(line);
      std::string country, office, id, name;
      std::getline(fields, country, '\t');
      std::getline(fields, office, '\t');
      std::getline(fields, id, '\t');
      std::getline(fields, name, '\t');
      const Actor* a = Shipped().Find(id);
      ASSERT_NE(a, nullptr) << entry.path().filename() << ":" << n << ": no actor '" << id << "' ("
                            << name << ", " << office << " of " << country << ")";
      EXPECT_EQ(a->type, ActorType::kPerson) << id;
      countries.insert(country);
      ++rows;
    }
  }
  EXPECT_GE(rows, 250u);
  for (const auto& c : arab_league) EXPECT_TRUE(countries.count(c)) << c << ": no heads listed";
}

}  // namespace
}  // namespace actorgraph
