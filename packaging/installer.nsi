; FOI Desktop installer (NSIS 3, 64-bit, Unicode). Built by build-windows.sh:
;   makensis -DVERSION=0.1.0 -DAPP_DIR=<PyInstaller folder> -DICON=<.ico>
;            -DOUTFILE=<Setup.exe> -DLICENSE_FILE=<LICENSE> packaging/installer.nsi
;
; Per user by default, without admin rights, into %LOCALAPPDATA%\Programs\FOI Desktop
; with everything under HKCU. IT installs for all users with /ALLUSERS (needs an
; elevated prompt or a deployment tool): Program Files and HKLM. /S is silent both
; ways. The officer's settings and drafts (%APPDATA% and %LOCALAPPDATA%\FOI Desktop)
; are never touched. See packaging/README.md.

Unicode true
; A 64-bit installer, like the program. Windows builds of NSIS from nsis.sf.net ship
; only x86 stubs; there the installer is 32-bit and still installs the same way
; (SetRegView 64, $PROGRAMFILES64).
!if /FileExists "${NSISDIR}\Stubs\lzma_solid-amd64-unicode"
  Target amd64-unicode
!else
  !warning "no amd64-unicode stubs in ${NSISDIR}: building a 32-bit installer"
  Target x86-unicode
!endif
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32
RequestExecutionLevel user

!ifndef VERSION | APP_DIR | ICON | OUTFILE | LICENSE_FILE
  !error "define VERSION, APP_DIR, ICON, OUTFILE and LICENSE_FILE (see build-windows.sh)"
!endif

!define APP_NAME "FOI Desktop"
!define PUBLISHER "FOI Desktop contributors"
!define MAIN_EXE "FOI Desktop.exe"
!define CLI_EXE "foi-desktop-cli.exe"
!define UNINSTALLER "Uninstall FOI Desktop.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\FOI Desktop"
!define PROGID "FOIDesktop.Case"
!define CLASSES "Software\Classes"
!define SITE_SETTINGS "foi-desktop-settings.json"
!define SITE_LETTERHEAD "foi-desktop-letterhead.docx"
!define ERROR_ELEVATION_REQUIRED 740

; Windows wants four numbers: 0.1.0 -> 0.1.0.0 (a pre-release suffix is dropped).
!searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
!searchparse /noerrors "${V_PATCH}" "" V_PATCH_NUMBER "rc"
!ifndef V_PATCH_NUMBER
  !define V_PATCH_NUMBER "${V_PATCH}"
!endif

; Code signing (see README.md): a command that signs the file named as its last argument.
!ifdef SIGN_COMMAND
  !finalize '${SIGN_COMMAND} "%1"' = 0
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${V_MAJOR}.${V_MINOR}.${V_PATCH_NUMBER}.0"
VIFileVersion "${V_MAJOR}.${V_MINOR}.${V_PATCH_NUMBER}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© ${PUBLISHER}, MIT licence"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${MAIN_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${LICENSE_FILE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"


; /ALLUSERS needs administrator rights; without them, say so and stop (exit code 740).
!macro RequireAdmin UN
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "Admin"
    MessageBox MB_ICONSTOP "${APP_NAME} ${UN}installs for all users only when run as an administrator." /SD IDOK
    SetErrorLevel ${ERROR_ELEVATION_REQUIRED}
    Quit
  ${EndIf}
!macroend

Function .onInit
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    !insertmacro RequireAdmin ""
    ${If} $INSTDIR == "$LOCALAPPDATA\Programs\${APP_NAME}"  ; not changed with /D=
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP_NAME}"
    ${EndIf}
    SetShellVarContext all  ; after the test above: it changes $LOCALAPPDATA
  ${EndIf}
  ; An upgrade goes where the previous version is, unless /D= says otherwise.
  ${If} $INSTDIR == "$LOCALAPPDATA\Programs\${APP_NAME}"
  ${OrIf} $INSTDIR == "$PROGRAMFILES64\${APP_NAME}"
    ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the previous version's libraries rather than mixing them.
  RMDir /r "$INSTDIR\_internal"
  File /r "${APP_DIR}\*.*"

  ; IT's preset: a settings file (and letterhead) beside the setup program.
  ${If} ${FileExists} "$EXEDIR\${SITE_SETTINGS}"
    CopyFiles /SILENT "$EXEDIR\${SITE_SETTINGS}" "$INSTDIR\${SITE_SETTINGS}"
  ${EndIf}
  ${If} ${FileExists} "$EXEDIR\${SITE_LETTERHEAD}"
    CopyFiles /SILENT "$EXEDIR\${SITE_LETTERHEAD}" "$INSTDIR\${SITE_LETTERHEAD}"
  ${EndIf}

  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${MAIN_EXE}" "" "$INSTDIR\${MAIN_EXE}" 0 \
    SW_SHOWNORMAL "" "Answer Freedom of Information requests"

  ; .foi files: opened by FOI Desktop, and listed under "Open with".
  WriteRegStr SHCTX "${CLASSES}\.foi" "" "${PROGID}"
  WriteRegStr SHCTX "${CLASSES}\.foi\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "${CLASSES}\${PROGID}" "" "FOI Desktop case"
  WriteRegStr SHCTX "${CLASSES}\${PROGID}\DefaultIcon" "" '"$INSTDIR\${MAIN_EXE}",0'
  WriteRegStr SHCTX "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\${MAIN_EXE}" "%1"'
  WriteRegStr SHCTX "${CLASSES}\Applications\${MAIN_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr SHCTX "${CLASSES}\Applications\${MAIN_EXE}\DefaultIcon" "" '"$INSTDIR\${MAIN_EXE}",0'
  WriteRegStr SHCTX "${CLASSES}\Applications\${MAIN_EXE}\SupportedTypes" ".foi" ""
  WriteRegStr SHCTX "${CLASSES}\Applications\${MAIN_EXE}\shell\open\command" "" '"$INSTDIR\${MAIN_EXE}" "%1"'

  ; Apps & features.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\${MAIN_EXE}",0'
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Function un.onInit
  SetRegView 64
  ; Installed for all users if the machine-wide entry points at this folder.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    !insertmacro RequireAdmin "un"
    SetShellVarContext all
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Only what the installer put there: the folder itself goes only if nothing else is left in it.
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${MAIN_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${SITE_SETTINGS}"
  Delete "$INSTDIR\${SITE_LETTERHEAD}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  ReadRegStr $0 SHCTX "${CLASSES}\.foi" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue SHCTX "${CLASSES}\.foi" ""
  ${EndIf}
  DeleteRegValue SHCTX "${CLASSES}\.foi\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty SHCTX "${CLASSES}\.foi\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "${CLASSES}\.foi"
  DeleteRegKey SHCTX "${CLASSES}\${PROGID}"
  DeleteRegKey SHCTX "${CLASSES}\Applications\${MAIN_EXE}"
  DeleteRegKey SHCTX "${UNINST_KEY}"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; The officer's settings, drafts and recent files (%APPDATA%\FOI Desktop and
  ; %LOCALAPPDATA%\FOI Desktop) are theirs: deliberately left in place.
SectionEnd
