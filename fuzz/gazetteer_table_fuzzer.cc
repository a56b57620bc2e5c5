// Gazetteer tables (CSV and TSV, gazetteer_table.h): byte 0 picks the delimiter (',' or tab), the
// rest is the table. The table is converted to JSON and loaded as `-g mine.csv` would be; the JSON
// is converted back to a table and to JSON again.
// Invariants: nothing but actorgraph::Error escapes; a table that converts gives well-formed JSON;
// the conversion is a fixed point after one round (table -> JSON -> table -> JSON gives the same
// JSON), so `gazetteer convert` in either direction loses nothing it could keep.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "actorgraph/base/error.h"
#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/gazetteer/gazetteer_table.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace actorgraph;
  if (size == 0) return 0;
  const char delimiter = (data[0] & 1) ? '\t' : ',';
  std::string_view table(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string json;
  try {
    json = GazetteerTableToJson(table, delimiter, "fuzz.csv");
  } catch (const Error&) {
    return 0;
  }
  FUZZ_CHECK(!nlohmann::json::parse(json, nullptr, false).is_discarded());
  try {
    Gazetteer g;
    g.AddFile(json, "fuzz.csv");
    g.Finish();
  } catch (const Error&) {
  }
  std::string back;
  try {
    back = GazetteerJsonToTable(json, delimiter, "fuzz.json");
  } catch (const Error&) {
    return 0;  // a value no cell can hold (a name with '|'): refused by name, not lost
  }
  std::string again;
  try {
    again = GazetteerTableToJson(back, delimiter, "fuzz.csv");  // the name goes into "description"
  } catch (const Error&) {
    FUZZ_CHECK(!"a table written by GazetteerJsonToTable does not read back");
  }
  FUZZ_CHECK(again == json);
  return 0;
}
