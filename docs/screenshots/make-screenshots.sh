#!/bin/sh
# Makes docs/screenshots/inspector.png and ladder.png from the real window under Xvfb.
# Needs: xvfb, libgtk-3-0, xdotool, imagemagick's `import`; the failover sample case files
# (sample-cases/failover: failover.pcap, cloud-recording.wav, sbc01_*.wav) in $SAMPLE.
# Run from the repository root after `mvn -B -o -q -DskipTests package`:
#   SAMPLE=sample-cases/failover DISPLAY_NO=57 sh docs/screenshots/make-screenshots.sh
# Click positions are for a 1600x1000 screen and the window's default layout.
set -eu
SAMPLE=${SAMPLE:-sample-cases/failover}
D=:${DISPLAY_NO:-57}
WORK=$(mktemp -d)
J="java -jar target/seamline.jar"
$J new --title "Recording gap during media-server failover" --case-number CC-2026-1122 \
  --examiner "Dana Examiner" --time-zone Europe/London "$WORK/failover.seamline"
$J add "$WORK/failover.seamline" "$SAMPLE/failover.pcap" "$SAMPLE/cloud-recording.wav" "$SAMPLE"/sbc01_*.wav
$J analyze "$WORK/failover.seamline"
Xvfb "$D" -screen 0 1600x1000x24 & XVFB=$!
sleep 2
DISPLAY=$D XDG_CONFIG_HOME="$WORK" $J gui "$WORK/failover.seamline" & GUI=$!
sleep 20
# Inspector: select the missing span in the gaps table, hover it on the timeline for its tooltip.
DISPLAY=$D xdotool mousemove 334 659 click 1
sleep 1.5
DISPLAY=$D xdotool mousemove 880 225 sleep 0.3 mousemove 887 222
sleep 2
DISPLAY=$D import -window root docs/screenshots/inspector.png
# Ladder: open the SIP ladder tab and click the re-INVITE.
DISPLAY=$D xdotool mousemove 348 612 click 1
sleep 1.5
DISPLAY=$D xdotool mousemove 760 "${LADDER_Y:-789}" click 1
sleep 1.5
DISPLAY=$D import -window root docs/screenshots/ladder.png
kill $GUI $XVFB
rm -rf "$WORK"
