package vn.govsdk.cli.tour;

import vn.govsdk.testkit.data.SyntheticCitizen;

/**
 * Synthetic contact details for the tour's applicants (the synthetic population has none): derived
 * from the citizen, so that a test can look for them in the logs.
 */
public final class TourContacts {

    private TourContacts() {
    }

    /**
     * A synthetic e-mail address on the reserved {@code example.vn} domain.
     *
     * @param citizen the citizen
     * @return the address
     */
    public static String email(SyntheticCitizen citizen) {
        return "cong.dan." + citizen.index() + "@example.vn";
    }

    /**
     * A synthetic mobile number: {@code 09} and the last eight digits of the citizen ID.
     *
     * @param citizen the citizen
     * @return ten digits
     */
    public static String phone(SyntheticCitizen citizen) {
        return "09" + citizen.citizenId().substring(4);
    }
}
