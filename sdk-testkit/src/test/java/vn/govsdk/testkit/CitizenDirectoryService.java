package vn.govsdk.testkit;

import vn.govsdk.testkit.data.SyntheticCitizen;

/**
 * Test service built from the platform (a factory-mounted service): GET /people/{index} answers that
 * synthetic citizen, GET /people/by-id/{id} looks one up.
 */
public final class CitizenDirectoryService implements MockService {
    private final MockGovPlatform platform;

    public CitizenDirectoryService(MockGovPlatform platform) {
        this.platform = platform;
    }

    public MockGovPlatform platform() {
        return platform;
    }

    @Override
    public String name() {
        return "Citizen directory (test)";
    }

    @Override
    public String pathPrefix() {
        return "/people";
    }

    @Override
    public MockResponse handle(MockRequest request) {
        String rest = request.path().substring("/people/".length());
        SyntheticCitizen c;
        if (rest.startsWith("by-id/")) {
            c = platform.data().findByCitizenId(rest.substring("by-id/".length())).orElse(null);
            if (c == null) {
                return MockResponse.json(404, "{\"error\":\"not found\"}");
            }
        } else {
            c = platform.data().citizen(Long.parseLong(rest));
        }
        return MockResponse.json(200, "{\"id\":\"" + c.citizenId() + "\",\"name\":\"" + c.fullName()
                + "\",\"born\":\"" + c.birthDate() + "\",\"address\":\"" + c.address().fullText()
                + "\",\"father\":\"" + c.father().citizenId() + "\"}");
    }
}
