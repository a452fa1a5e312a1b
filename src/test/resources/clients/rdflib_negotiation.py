"""rdflib dereferences a thing's IRI on the server (content negotiation, a 303 to its data) and finds its label.

Usage: python3 rdflib_negotiation.py BASE_URL   (e.g. http://127.0.0.1:3030/)
"""
import sys

import rdflib
from rdflib.namespace import RDFS

base = sys.argv[1]
thing = rdflib.URIRef("https://w3id.org/entente/id/person/kim-jong-un")
g = rdflib.Graph()
g.parse(base + "id/person/kim-jong-un")
label = rdflib.Literal("Kim Jong Un", lang="en")
if (thing, RDFS.label, label) not in g:
    sys.exit("no rdfs:label 'Kim Jong Un'@en for %s among %d triples" % (thing, len(g)))
print("rdflib %s: %d triples, label found" % (rdflib.__version__, len(g)))
