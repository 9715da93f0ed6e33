package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.identity.population.BirthDate;
import vn.govsdk.identity.population.CallOptions;
import vn.govsdk.identity.population.CitizenQuery;
import vn.govsdk.identity.population.CitizenRecord;
import vn.govsdk.identity.population.PopulationRegistryClient;
import vn.govsdk.identity.population.Verification;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.population.PopulationDbService;

/** Tour step: look up a synthetic citizen in the mock population database, then verify one with a mismatch. */
final class PopulationLookupStep implements TourStep {

    @Override
    public String name() {
        return "population";
    }

    @Override
    public String title() {
        return "Population database (C06): look up a citizen over SOAP, verify details (one deliberately wrong)";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        SyntheticCitizen c = context.platform().data().citizen(0);
        try (PopulationRegistryClient c06 = PopulationRegistryClient.builder()
                .endpoint(context.platform().baseUrl(PopulationDbService.DIRECT_PATH))
                .credentials(PopulationDbBasic.builder().username(PopulationDbService.DIRECT_USERNAME)
                        .secretKey(Secret.of(PopulationDbService.DIRECT_SECRET_KEY))
                        .xRoadClient(PopulationDbService.X_ROAD_CLIENT).build())
                .callOptions(CallOptions.builder().serviceCode("VPCP").integrationCode("037")
                        .officerAccount("tour").build())
                .build()) {
            CitizenRecord r = c06.lookupCitizen(CitizenId.of(c.citizenId()));
            out.println("  direct route (SHA-256 Basic + X-Road-Client) to " + c06.endpoint());
            out.println("  TraCuuThongTinCongDan -> " + r);
            out.println("    born " + r.birthDate().year() + ", " + r.gender().vietnameseLabel() + ", ethnicity "
                    + r.ethnicity() + ", household of " + context.platform().data().householdOf(c).members().size());

            Verification ok = c06.verifyCitizen(CitizenQuery.builder(c.citizenId()).fullName(c.fullName())
                    .birthDate(BirthDate.of(c.birthDate())).build());
            out.println("  XacThucThongTinCongDan with the right name and birth date -> matches=" + ok.matches());
            Verification wrong = c06.verifyCitizen(CitizenQuery.builder(c.citizenId()).fullName(c.fullName())
                    .birthDate(BirthDate.ofYear(c.birthDate().getYear() + 1)).build());
            out.println("  ... with the birth year off by one -> matches=" + wrong.matches() + ", matched "
                    + wrong.matched() + ", mismatched " + wrong.mismatched());
            if (!ok.matches() || wrong.matches()) {
                throw new IllegalStateException("verification did not behave as expected");
            }
            out.println("  the request body, as the mock recorded it (elements in the order C06 requires):");
            String body = context.platform().journal().lastTo(PopulationDbService.DIRECT_PATH).orElseThrow().bodyAsString();
            out.println("    " + vn.govsdk.core.privacy.PersonalDataMasker.standard().maskText(
                    body.substring(body.indexOf("<dan:XacThuc"), body.indexOf("</soapenv:Body>"))));
        }
    }
}
