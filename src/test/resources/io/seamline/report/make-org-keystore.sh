#!/bin/sh
# Makes org-examiner.p12: an organisation's PKCS#12 keystore as a lab would hand it to an examiner.
# It holds the key entry "examiner" (EC P-256, CN=Grace Analyst,O=Seamline Test Lab) whose certificate
# is issued by a lab CA (CN=Seamline Test Lab CA), with the CA certificate in the chain and also as a
# trusted-certificate entry "lab-ca". Password: test-storepass. Valid 2025-01-01 to 2044-12-27
# (-startdate in the past so a signature made at any time during the test run is inside the validity).
# Also makes truncated-keystore.p12, the first 200 bytes of it (malformed-keystore rejection path).
#
# Command (JDK keytool 17), run in this directory:
#   sh make-org-keystore.sh
set -eu
PASS=test-storepass
T=$(mktemp -d)
keytool -genkeypair -storetype PKCS12 -keystore "$T/ca.p12" -storepass "$PASS" -alias ca \
  -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 7300 -startdate "2025/01/01 00:00:00" \
  -dname "CN=Seamline Test Lab CA,O=Seamline Test Lab" -ext bc:c=ca:true -ext ku:c=keyCertSign,cRLSign
keytool -exportcert -rfc -keystore "$T/ca.p12" -storepass "$PASS" -alias ca -file "$T/ca.pem"
rm -f org-examiner.p12
keytool -genkeypair -storetype PKCS12 -keystore org-examiner.p12 -storepass "$PASS" -alias examiner \
  -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 7300 \
  -dname "CN=Grace Analyst,O=Seamline Test Lab"
keytool -certreq -keystore org-examiner.p12 -storepass "$PASS" -alias examiner -file "$T/examiner.csr"
keytool -gencert -rfc -keystore "$T/ca.p12" -storepass "$PASS" -alias ca -sigalg SHA256withECDSA \
  -validity 7300 -startdate "2025/01/01 00:00:00" -ext ku:c=digitalSignature,nonRepudiation -infile "$T/examiner.csr" -outfile "$T/examiner.pem"
keytool -importcert -noprompt -keystore org-examiner.p12 -storepass "$PASS" -alias lab-ca -file "$T/ca.pem"
keytool -importcert -noprompt -keystore org-examiner.p12 -storepass "$PASS" -alias examiner -file "$T/examiner.pem"
head -c 200 org-examiner.p12 > truncated-keystore.p12
rm -rf "$T"
