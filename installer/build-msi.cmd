@echo off
rem Builds a Windows installer. Run on Windows with a JDK 17+ and the WiX Toolset 3 on PATH
rem (jpackage uses candle.exe and light.exe). The icon must be .ico: convert installer\seamline.png,
rem e.g. with ImageMagick: magick installer\seamline.png -define icon:auto-resize=256,64,48,32,16 installer\seamline.ico
rem   mvn -B -DskipTests package
rem   installer\build-msi.cmd            ->  target\installer\seamline-<version>.msi
setlocal
cd /d "%~dp0\.."
if not exist target\seamline.jar (echo target\seamline.jar is missing: run "mvn -B -DskipTests package" first & exit /b 3)
if exist target\installer-input rmdir /s /q target\installer-input
mkdir target\installer-input
copy target\seamline.jar target\installer-input\ >nul
for /f "tokens=3 delims=<>" %%v in ('findstr /r "<version>[0-9]" pom.xml') do (set VERSION=%%v & goto :found)
:found
jpackage --type msi --name Seamline --app-version %VERSION% --vendor Seamline ^
  --description "Forensic inspector for contact-centre call recordings" ^
  --input target\installer-input --main-jar seamline.jar --main-class io.seamline.cli.Launcher ^
  --java-options "-Xmx2g" --dest target\installer --icon installer\seamline.ico ^
  --win-menu --win-shortcut --win-dir-chooser --file-associations installer\seamline-case.properties
