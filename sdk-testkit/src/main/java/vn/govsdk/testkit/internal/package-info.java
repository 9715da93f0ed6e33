/** Implementation details of the mock platform; not API, not exported. */
package vn.govsdk.testkit.internal;
