package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import java.util.List;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.dataexchange.gateway.BusinessDetail;
import vn.govsdk.dataexchange.gateway.CodeList;
import vn.govsdk.dataexchange.gateway.DataSharingGatewayClient;
import vn.govsdk.testkit.gateway.DataSharingGatewayService;

/** Tour step: once-only check, look up a business by tax code through the data-sharing gateway. */
final class BusinessLookupStep implements TourStep {

    @Override
    public String name() {
        return "business";
    }

    @Override
    public String title() {
        return "Once-only check: look up a business by tax code through the data-sharing gateway (LGSP/NGSP)";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        DataSharingGatewayService gateway = (DataSharingGatewayService) context.platform()
                .service(DataSharingGatewayService.PREFIX).orElseThrow();
        String taxCode = gateway.companies().company(42).taxCode();
        try (DataSharingGatewayClient client = DataSharingGatewayClient.builder()
                .endpoint(context.platform().baseUrl(DataSharingGatewayService.PREFIX))
                .credentials(GatewayAuth.clientCredentials(context.platform().baseUrl(DataSharingGatewayService.TOKEN_PATH),
                        DataSharingGatewayService.CLIENT_ID, Secret.of(DataSharingGatewayService.CLIENT_SECRET)))
                .build()) {
            BusinessDetail detail = client.getBusiness(taxCode);
            out.println("  WSO2 client credentials, then GET apiCSDLDKDN/1.0/chiTietDoanhNghiep");
            out.println("  -> " + detail.name() + " (" + detail.status() + ", registered " + detail.registrationDate() + ")");
            out.println("     " + detail);
            try {
                client.getBusiness(taxCode.substring(0, 9) + (char) ('0' + (taxCode.charAt(9) - '0' + 1) % 10));
                throw new IllegalStateException("a tax code with a wrong check digit was accepted");
            } catch (InvalidInputException e) {
                out.println("  a tax code with a wrong check digit is refused before any request: " + e.getMessage());
            }
            List<CodeList> lists = client.listCodeLists();
            out.println("  shared code lists (dmdc/1.0/AllCategory): " + lists.size() + " lists, e.g. "
                    + lists.get(0).code() + " with " + lists.get(0).entries().size() + " entries");
        }
    }
}
