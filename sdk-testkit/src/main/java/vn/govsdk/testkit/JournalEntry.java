package vn.govsdk.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * One request the mock platform received, with what it answered.
 *
 * @param sequence the request's number since the platform started, from 1
 * @param receivedAt when the request was received, by the platform's clock
 * @param request the request as received, body included
 * @param serviceName the name of the service it was routed to, or empty when no service is mounted at its path
 * @param status the HTTP status sent, or {@code 0} when the connection was dropped before any status was sent
 * @param fault the fault applied, described in a few words, or empty when none was
 */
public record JournalEntry(long sequence, Instant receivedAt, MockRequest request, Optional<String> serviceName,
        int status, Optional<String> fault) {

    /**
     * Validates the parts.
     *
     * @param sequence the sequence number
     * @param receivedAt the reception time
     * @param request the request
     * @param serviceName the service name, if any
     * @param status the status sent
     * @param fault the fault applied, if any
     */
    public JournalEntry {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(fault, "fault");
    }

    /**
     * Returns the request method.
     *
     * @return the method, upper case
     */
    public String method() {
        return request.method();
    }

    /**
     * Returns the request path.
     *
     * @return the decoded path, without the query
     */
    public String path() {
        return request.path();
    }

    /**
     * Returns the first value of a request header.
     *
     * @param name the header name, case-insensitive
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        return request.header(name);
    }

    /**
     * Returns the request body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyAsString() {
        return request.bodyAsString();
    }

    /**
     * Returns a one-line summary with personal data masked.
     *
     * @return for example {@code #3 GET /c06/citizens/079*******45 -> 200}
     */
    @Override
    public String toString() {
        return "#" + sequence + " " + request.method() + " " + PersonalDataMasker.standard().maskText(request.path())
                + " -> " + (status == 0 ? "dropped" : Integer.toString(status))
                + fault.map(f -> " [fault: " + f + "]").orElse("");
    }
}
