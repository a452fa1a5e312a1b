"""SPARQLWrapper asks the server's SPARQL endpoint for Kim Jong Un's English label.

Usage: python3 sparqlwrapper_select.py SPARQL_URL   (e.g. http://127.0.0.1:3030/kg/sparql)
"""
import sys

from SPARQLWrapper import JSON, SPARQLWrapper

sparql = SPARQLWrapper(sys.argv[1])
sparql.setQuery("""
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label WHERE {
      <https://w3id.org/entente/id/person/kim-jong-un> rdfs:label ?label .
      FILTER(langMatches(lang(?label), "en"))
    }""")
sparql.setReturnFormat(JSON)
rows = sparql.query().convert()["results"]["bindings"]
labels = [r["label"]["value"] for r in rows]
if labels != ["Kim Jong Un"]:
    sys.exit("expected the label 'Kim Jong Un', got %r" % labels)
print("SPARQLWrapper: label %s" % labels[0])
