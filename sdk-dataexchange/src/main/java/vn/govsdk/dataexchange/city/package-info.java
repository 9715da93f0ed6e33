/**
 * Ho Chi Minh City services: the city open-data portal (cổng dữ liệu mở) through its CKAN-compatible
 * datastore API ({@link vn.govsdk.dataexchange.city.OpenDataClient}), with every record of a resource
 * streamed page by page in constant memory.
 */
package vn.govsdk.dataexchange.city;
