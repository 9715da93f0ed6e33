package vn.govsdk.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.govsdk.testkit.data.Address;
import vn.govsdk.testkit.data.PersonRef;
import vn.govsdk.testkit.data.Province;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticHousehold;

/** JSON for the platform's own endpoints (Jackson, kept out of every public signature). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * Writes maps, lists, strings, numbers and booleans as compact JSON.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a value as indented JSON, for people reading it with curl.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the tree
     * @throws IllegalArgumentException naming the problem if the text is not JSON
     */
    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Represents a citizen with a fixed member order, so the same citizen is always the same bytes.
     *
     * @param c the citizen
     * @return the map
     */
    public static Map<String, Object> citizen(SyntheticCitizen c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", c.index());
        m.put("citizenId", c.citizenId());
        m.put("fullName", c.fullName());
        m.put("familyName", c.familyName());
        m.put("middleName", c.middleName());
        m.put("givenName", c.givenName());
        m.put("gender", c.gender().name());
        m.put("birthDate", c.birthDate().toString());
        m.put("birthProvince", province(c.birthProvince()));
        m.put("ethnicity", c.ethnicity());
        m.put("address", address(c.address()));
        m.put("father", person(c.father()));
        m.put("mother", person(c.mother()));
        m.put("householdIndex", c.householdIndex());
        m.put("householdId", c.householdId());
        m.put("householdHeadCitizenId", c.householdHeadCitizenId());
        m.put("relationshipToHead", c.relationshipToHead().name());
        m.put("maritalStatus", c.maritalStatus().name());
        return m;
    }

    /**
     * Represents a household with a fixed member order.
     *
     * @param h the household
     * @return the map
     */
    public static Map<String, Object> household(SyntheticHousehold h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", h.index());
        m.put("householdId", h.householdId());
        m.put("headCitizenId", h.head().citizenId());
        m.put("address", address(h.address()));
        m.put("members", h.members().stream().map(Json::citizen).toList());
        return m;
    }

    private static Map<String, Object> province(Province p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("name", p.name());
        return m;
    }

    private static Map<String, Object> address(Address a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provinceCode", a.province().code());
        m.put("provinceName", a.province().name());
        m.put("wardCode", a.wardCode());
        m.put("wardName", a.wardName());
        m.put("street", a.street());
        m.put("fullText", a.fullText());
        return m;
    }

    private static Map<String, Object> person(PersonRef p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("citizenId", p.citizenId());
        m.put("fullName", p.fullName());
        m.put("gender", p.gender().name());
        m.put("birthDate", p.birthDate().toString());
        m.put("populationIndex", p.populationIndex().isPresent() ? p.populationIndex().getAsLong() : null);
        return m;
    }
}
