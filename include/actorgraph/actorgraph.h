// The installed API in one include: load a gazetteer, count a corpus, build the graph, write it.
//
//   auto gazetteer = actorgraph::Gazetteer::Load({"gazetteer"});
//   actorgraph::Matcher matcher(gazetteer);
//   actorgraph::DocumentReader reader({"articles/"}, {});
//   auto counts = actorgraph::CountCorpus(matcher, reader, {});
//   auto graph = actorgraph::BuildGraph(counts, gazetteer, {});
//   actorgraph::AnalyseGraph(graph, {});   // measures, communities, layout (optional)
//   actorgraph::MakeWriter("graphml")->Write(graph, "output", {});
#pragma once

#include "actorgraph/analyse/analyse.h"
#include "actorgraph/base/error.h"
#include "actorgraph/export/writer.h"
#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/network/graph.h"
#include "actorgraph/network/graph_builder.h"
#include "actorgraph/pipeline/pipeline.h"
#include "actorgraph/version.h"
