/** The synthetic-data generator and its tables; not API, not exported. */
package vn.govsdk.testkit.data.internal;
