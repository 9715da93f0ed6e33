package vn.govsdk.core.auth;

import java.util.ArrayList;
import java.util.List;
import vn.govsdk.core.InvalidInputException;

/**
 * Several schemes applied to every call, in order; made by {@link GatewayAuth#combine(GatewayAuth...)}.
 * With no parts it is {@link GatewayAuth#none()}.
 */
public final class CombinedAuth implements GatewayAuth {

    static final CombinedAuth NONE = new CombinedAuth(List.of());

    private final List<GatewayAuth> parts;

    private CombinedAuth(List<GatewayAuth> parts) {
        this.parts = parts;
    }

    static CombinedAuth of(GatewayAuth... given) {
        if (given == null) {
            throw new InvalidInputException("credentials", "must not be null");
        }
        List<GatewayAuth> flat = new ArrayList<>();
        for (GatewayAuth part : given) {
            if (part == null) {
                throw new InvalidInputException("credentials", "must not contain null parts");
            }
            if (part instanceof CombinedAuth) {
                flat.addAll(((CombinedAuth) part).parts);
            } else {
                flat.add(part);
            }
        }
        long authorizationSetters = flat.stream()
                .filter(p -> p instanceof ClientCredentials || p instanceof PopulationDbBasic).count();
        if (authorizationSetters > 1) {
            throw new InvalidInputException("credentials",
                    "may combine at most one ClientCredentials or PopulationDbBasic, since each sets the Authorization header");
        }
        if (flat.stream().map(Object::getClass).distinct().count() < flat.size()) {
            throw new InvalidInputException("credentials", "must not combine two schemes of the same type");
        }
        return flat.isEmpty() ? NONE : new CombinedAuth(List.copyOf(flat));
    }

    /**
     * Returns the schemes, in the order they are applied.
     *
     * @return the parts, none of them a combination; empty for {@link GatewayAuth#none()}
     */
    public List<GatewayAuth> parts() {
        return parts;
    }

    /**
     * Compares by parts.
     *
     * @param other another object
     * @return whether {@code other} combines equal parts in the same order
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CombinedAuth && parts.equals(((CombinedAuth) other).parts);
    }

    /**
     * Returns a hash of the parts.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /**
     * Describes the parts, without secrets.
     *
     * @return for example {@code GatewayAuth.none()} or {@code CombinedAuth[LgspAccessToken[...], ...]}
     */
    @Override
    public String toString() {
        return parts.isEmpty() ? "GatewayAuth.none()" : "CombinedAuth" + parts;
    }
}
