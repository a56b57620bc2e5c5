// The planted corpus of issue 12, shared by the compare tests: group "pro" calls Soleimani
// "الشهيد" and names him with Iran; group "anti" calls him "الإرهابي" and names him with the
// United States.
#pragma once

#include <filesystem>
#include <string>

namespace actorgraph::testing {

inline constexpr const char* kPlantedGazetteer = R"({
  "actorgraph_gazetteer": 1,
  "actors": [
    {"id": "soleimani", "type": "person", "label": {"ar": "قاسم سليماني", "en": "Qasem Soleimani"},
     "aliases": {"ar": ["سليماني"], "en": ["Soleimani"]}},
    {"id": "iran", "type": "state", "label": {"ar": "إيران", "en": "Iran"},
     "demonyms": {"stems": ["إيراني"]}},
    {"id": "usa", "type": "state", "label": {"ar": "الولايات المتحدة", "en": "United States"},
     "capitals": {"ar": ["واشنطن"]}, "demonyms": {"stems": ["أمريكي"]}}
  ]})";

// Writes gazetteer.json, pro/*.txt and anti/*.txt under `dir`.
void WritePlantedCorpus(const std::filesystem::path& dir);

}  // namespace actorgraph::testing
