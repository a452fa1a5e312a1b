package org.entente.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of the Entente ontology ({@code ontology/entente.ttl}), one constant per class and property.
 * <p>
 * {@code VocabularyTest} checks this class against the ontology file both ways.
 */
public final class ENT {
    /** The namespace of the ontology. */
    public static final String NS = "https://w3id.org/entente/ontology#";
    /** The customary prefix. */
    public static final String PREFIX = "ent";
    /** The ontology itself. */
    public static final Resource ONTOLOGY = ResourceFactory.createResource("https://w3id.org/entente/ontology");

    // Classes
    public static final Resource Agent = resource("Agent");
    public static final Resource State = resource("State");
    public static final Resource Person = resource("Person");
    public static final Resource Organization = resource("Organization");
    public static final Resource Group = resource("Group");
    public static final Resource Place = resource("Place");
    public static final Resource Office = resource("Office");
    public static final Resource Tenure = resource("Tenure");
    public static final Resource Event = resource("Event");
    public static final Resource MilitaryParade = resource("MilitaryParade");
    public static final Resource Commemoration = resource("Commemoration");
    public static final Resource StateVisit = resource("StateVisit");
    public static final Resource Summit = resource("Summit");
    public static final Resource Meeting = resource("Meeting");
    public static final Resource Negotiation = resource("Negotiation");
    public static final Resource War = resource("War");
    public static final Resource CodedEvent = resource("CodedEvent");
    public static final Resource CodedActor = resource("CodedActor");
    public static final Resource Participation = resource("Participation");
    public static final Resource DiplomaticTie = resource("DiplomaticTie");
    public static final Resource Stance = resource("Stance");
    public static final Resource Source = resource("Source");
    public static final Resource Assessment = resource("Assessment");
    public static final Resource LoadRecord = resource("LoadRecord");
    public static final Resource Territory = resource("Territory");
    public static final Resource Region = resource("Region");
    public static final Resource Membership = resource("Membership");
    public static final Resource Reference = resource("Reference");

    // Properties
    public static final Property gdeltId = property("gdeltId");
    public static final Property cameoCode = property("cameoCode");
    public static final Property quadClass = property("quadClass");
    public static final Property goldstein = property("goldstein");
    public static final Property mentionCount = property("mentionCount");
    public static final Property sourceCount = property("sourceCount");
    public static final Property articleCount = property("articleCount");
    public static final Property averageTone = property("averageTone");
    public static final Property rootEvent = property("rootEvent");
    public static final Property actor1 = property("actor1");
    public static final Property actor2 = property("actor2");
    public static final Property cameoActorCode = property("cameoActorCode");
    public static final Property actorCountry = property("actorCountry");
    public static final Property actor1Place = property("actor1Place");
    public static final Property actor2Place = property("actor2Place");
    public static final Property cameoCountryCode = property("cameoCountryCode");
    public static final Property actorType = property("actorType");
    public static final Property knownGroup = property("knownGroup");
    public static final Property ethnicCode = property("ethnicCode");
    public static final Property religionCode = property("religionCode");
    public static final Property fipsCountryCode = property("fipsCountryCode");
    public static final Property featureId = property("featureId");
    public static final Property reportedIn = property("reportedIn");
    public static final Property rowCount = property("rowCount");
    public static final Property dataVersion = property("dataVersion");
    public static final Property holder = property("holder");
    public static final Property member = property("member");
    public static final Property organization = property("organization");
    public static final Property membershipRole = property("membershipRole");
    public static final Property region = property("region");
    public static final Property subregion = property("subregion");
    public static final Property isoAlpha2 = property("isoAlpha2");
    public static final Property isoAlpha3 = property("isoAlpha3");
    public static final Property isoNumeric = property("isoNumeric");
    public static final Property cldrCode = property("cldrCode");
    public static final Property demonym = property("demonym");
    public static final Property sovereigntyStatus = property("sovereigntyStatus");
    public static final Property seatOfGovernmentName = property("seatOfGovernmentName");
    public static final Property office = property("office");
    public static final Property officeOf = property("officeOf");
    public static final Property startDate = property("startDate");
    public static final Property endDate = property("endDate");
    public static final Property date = property("date");
    public static final Property timeDescription = property("timeDescription");
    public static final Property place = property("place");
    public static final Property locatedIn = property("locatedIn");
    public static final Property capital = property("capital");
    public static final Property host = property("host");
    public static final Property subEventOf = property("subEventOf");
    public static final Property commemorates = property("commemorates");
    public static final Property anniversary = property("anniversary");
    public static final Property duration = property("duration");
    public static final Property reviewedBy = property("reviewedBy");
    public static final Property personnel = property("personnel");
    public static final Property echelonCount = property("echelonCount");
    public static final Property features = property("features");
    public static final Property concerns = property("concerns");
    public static final Property topic = property("topic");
    public static final Property participant = property("participant");
    public static final Property event = property("event");
    public static final Property role = property("role");
    public static final Property representing = property("representing");
    public static final Property status = property("status");
    public static final Property upgradeOf = property("upgradeOf");
    public static final Property quantifier = property("quantifier");
    public static final Property party = property("party");
    public static final Property from = property("from");
    public static final Property toward = property("toward");
    public static final Property tieType = property("tieType");
    public static final Property stanceType = property("stanceType");
    public static final Property reason = property("reason");
    public static final Property reasonTie = property("reasonTie");
    public static final Property opportunityFor = property("opportunityFor");
    public static final Property text = property("text");
    public static final Property attributedTo = property("attributedTo");
    public static final Property certainty = property("certainty");
    public static final Property quote = property("quote");
    public static final Property significance = property("significance");
    public static final Property publisher = property("publisher");
    public static final Property published = property("published");
    public static final Property localCopy = property("localCopy");
    public static final Property graph = property("graph");
    public static final Property file = property("file");
    public static final Property sha256 = property("sha256");
    public static final Property tripleCount = property("tripleCount");
    public static final Property statedIn = property("statedIn");
    public static final Property retrieved = property("retrieved");
    public static final Property confidence = property("confidence");
    public static final Property evidence = property("evidence");
    public static final Property alternative = property("alternative");
    public static final Property reviewState = property("reviewState");

    private ENT() {}

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS, local);
    }

    /** The graph node of a term, for code that works on {@code Graph}s and {@code DatasetGraph}s. */
    public static Node node(Resource term) {
        return NodeFactory.createURI(term.getURI());
    }
}
