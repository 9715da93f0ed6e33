package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import vn.govsdk.core.adminunit.AdministrativeUnits;
import vn.govsdk.core.adminunit.FormerProvince;
import vn.govsdk.core.adminunit.Province;

/** Tour step: the administrative-unit catalogue across the 2025 reform. */
final class ProvinceStep implements TourStep {

    @Override
    public String name() {
        return "provinces";
    }

    @Override
    public String title() {
        return "Administrative units: 63 provinces before 1 July 2025, 34 since (" 
                + AdministrativeUnits.dataVersion() + ")";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        out.println("  " + AdministrativeUnits.formerProvinces().size() + " former provinces, "
                + AdministrativeUnits.provinces().size() + " current");
        Province hcm = AdministrativeUnits.province("79").orElseThrow();
        StringBuilder from = new StringBuilder();
        for (FormerProvince p : AdministrativeUnits.formedFrom(hcm)) {
            from.append(from.length() == 0 ? "" : ", ").append(p.code()).append(' ').append(p.name());
        }
        out.println("  " + hcm.code() + " " + hcm.name() + " (" + hcm.kind().vietnameseTerm() + ") formed from: " + from);
    }
}
