package org.entente.api;

import java.util.List;
import java.util.Map;

import com.google.gson.annotations.SerializedName;

/**
 * The parts of an OpenAPI 3.1 document the web API describes itself with, one record per object of
 * the specification (https://spec.openapis.org/oas/v3.1.0), named as it names them. A null member is
 * left out of the JSON.
 */
final class OpenApi {
    private OpenApi() {}

    record Document(String openapi, Info info, List<Server> servers, List<Tag> tags, Map<String, PathItem> paths,
                    Components components) {}

    record Info(String title, String version, String description) {}

    record Server(String url, String description) {}

    record Tag(String name, String description) {}

    record PathItem(Operation get, Operation post) {}

    /** {@code responses} maps a status to a {@link Response} or a {@link Ref} to one. */
    record Operation(String operationId, String summary, String description, List<String> tags, List<Parameter> parameters,
                     RequestBody requestBody, Map<String, Object> responses) {}

    record Parameter(String name, @SerializedName("in") String location, String description, boolean required, Schema schema,
                     Object example) {}

    record RequestBody(String description, boolean required, Map<String, MediaType> content) {}

    record MediaType(Schema schema) {}

    record Response(String description, Map<String, Header> headers, Map<String, MediaType> content) {}

    record Header(String description, Schema schema) {}

    record Ref(@SerializedName("$ref") String ref) {}

    record Components(Map<String, Schema> schemas, Map<String, Response> responses) {}

    /**
     * A JSON Schema (2020-12, as OpenAPI 3.1 uses it). {@code type} is one name or a list of names;
     * {@code additionalProperties} a boolean or a schema.
     */
    record Schema(Object type, String format, String description, Map<String, Schema> properties, List<String> required,
                  Schema items, @SerializedName("enum") List<String> values, @SerializedName("default") Object defaultValue,
                  Long minimum, Long maximum, Object additionalProperties, @SerializedName("$ref") String ref) {

        static Schema of(Object type) {
            return new Schema(type, null, null, null, null, null, null, null, null, null, null, null);
        }

        static Schema ref(String ref) {
            return new Schema(null, null, null, null, null, null, null, null, null, null, null, ref);
        }

        static Schema array(Schema items) {
            return new Schema("array", null, null, null, null, items, null, null, null, null, null, null);
        }

        static Schema object(Map<String, Schema> properties, List<String> required) {
            return new Schema("object", null, null, properties, required, null, null, null, null, null, null, null);
        }

        Schema format(String f) {
            return new Schema(type, f, description, properties, required, items, values, defaultValue, minimum, maximum, additionalProperties, ref);
        }

        Schema description(String d) {
            return new Schema(type, format, d, properties, required, items, values, defaultValue, minimum, maximum, additionalProperties, ref);
        }

        Schema values(List<String> v) {
            return new Schema(type, format, description, properties, required, items, v, defaultValue, minimum, maximum, additionalProperties, ref);
        }

        Schema defaultValue(Object d) {
            return new Schema(type, format, description, properties, required, items, values, d, minimum, maximum, additionalProperties, ref);
        }

        Schema range(Long min, Long max) {
            return new Schema(type, format, description, properties, required, items, values, defaultValue, min, max, additionalProperties, ref);
        }

        Schema additionalProperties(Object a) {
            return new Schema(type, format, description, properties, required, items, values, defaultValue, minimum, maximum, a, ref);
        }
    }
}
