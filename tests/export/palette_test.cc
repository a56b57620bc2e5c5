#include "actorgraph/export/palette.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

ActorNode Actor(const std::string& id, const std::string& type, const std::string& country) {
  ActorNode n;
  n.id = id;
  n.type = type;
  n.country = country;
  return n;
}

TEST(Palette, TypesGetThreeDistinctColours) {
  Rgb person = TypeColor("person"), state = TypeColor("state"), group = TypeColor("group");
  EXPECT_NE(person, state);
  EXPECT_NE(person, group);
  EXPECT_NE(state, group);
  EXPECT_EQ(ActorColor(Actor("a", "state", ""), "type"), state);
}

TEST(Palette, CountryColoursAreStableAndGreyWithoutCountry) {
  Rgb a = ActorColor(Actor("pm", "person", "iraq"), "country");
  EXPECT_EQ(a, ActorColor(Actor("other", "group", "iraq"), "country"));
  EXPECT_EQ(a, ActorColor(Actor("iraq", "state", ""), "country"));  // a state is its own country
  EXPECT_NE(a, ActorColor(Actor("pm", "person", "lebanon"), "country"));
  EXPECT_EQ(ActorColor(Actor("x", "person", ""), "country"), (Rgb{160, 160, 160}));
  EXPECT_THROW(ActorColor(Actor("x", "person", ""), "size"), Error);
}

TEST(Palette, FormatsHexAndPastel) {
  EXPECT_EQ(HexColor({0, 15, 255}), "#000fff");
  EXPECT_EQ(Pastel({0, 0, 0}), (Rgb{153, 153, 153}));
  EXPECT_EQ(Pastel({255, 255, 255}), (Rgb{255, 255, 255}));
}

}  // namespace
}  // namespace actorgraph
