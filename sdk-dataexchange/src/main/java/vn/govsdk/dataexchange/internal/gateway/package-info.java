/** Internals of the data-sharing gateway and X-Road clients: path rules, error readers, mappers. */
package vn.govsdk.dataexchange.internal.gateway;
