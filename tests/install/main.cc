// Built against an installed actorgraph by tests/install/run.sh: the package config works.
#include <actorgraph/actorgraph.h>

#include <iostream>
int main(int, char** argv) {
  auto g = actorgraph::Gazetteer::Load({argv[1]});
  actorgraph::Matcher m(g);
  actorgraph::DocumentReader reader({argv[2]}, {});
  auto counts = actorgraph::CountCorpus(m, reader, {});
  auto graph = actorgraph::BuildGraph(counts, g, {});
  actorgraph::AnalyseGraph(graph, {});  // links igraph through the package's static library
  std::cout << g.actors().size() << " actors, " << boost::num_edges(graph) << " edges, v"
            << ACTORGRAPH_VERSION << "\n";
}
