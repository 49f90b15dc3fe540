; Inno Setup script: the Windows installer of the bundle that scripts/bundle.sh builds.
; Installs dist\reviewer (reviewer-gui.exe, reviewer.exe, _internal\) for the current
; user (or for everyone, when run as administrator), adds a Start-menu entry and opens
; .rvpkg (a reviewer's package) and .rvscore (returned scores) with reviewer-gui.
; Build: iscc /DAppVersion=0.1.0 packaging\windows\reviewer.iss
;   -> dist\reviewer-0.1.0-windows-setup.exe

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\reviewer"
#endif

[Setup]
AppId={{6E0C0B7A-3B1E-4C55-9E0A-4C7E5B2D9A11}
AppName=reviewer
AppVersion={#AppVersion}
AppVerName=reviewer {#AppVersion}
AppPublisher=reviewer
DefaultDirName={autopf}\reviewer
DefaultGroupName=reviewer
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=reviewer-{#AppVersion}-windows-setup
SetupIconFile=..\..\src\reviewer\resources\icons\reviewer.ico
UninstallDisplayIcon={app}\reviewer-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes

[Languages]
#if FileExists(CompilerPath + "Languages\Korean.isl")
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\reviewer"; Filename: "{app}\reviewer-gui.exe"
Name: "{autodesktop}\reviewer"; Filename: "{app}\reviewer-gui.exe"; Tasks: desktopicon

[Registry]
; HKA: HKEY_CURRENT_USER for a per-user install, HKEY_LOCAL_MACHINE for everyone
Root: HKA; Subkey: "Software\Classes\.rvpkg"; ValueType: string; ValueName: ""; ValueData: "reviewer.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\reviewer.Package"; ValueType: string; ValueName: ""; ValueData: "Reviewer package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\reviewer.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\reviewer-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\reviewer.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer-gui.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.rvscore"; ValueType: string; ValueName: ""; ValueData: "reviewer.Scores"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\reviewer.Scores"; ValueType: string; ValueName: ""; ValueData: "Reviewer scores"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\reviewer.Scores\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\reviewer-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\reviewer.Scores\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer-gui.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\reviewer-gui.exe\SupportedTypes"; ValueType: string; ValueName: ".rvpkg"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\reviewer-gui.exe\SupportedTypes"; ValueType: string; ValueName: ".rvscore"; ValueData: ""

[Run]
Filename: "{app}\reviewer-gui.exe"; Description: "{cm:LaunchProgram,reviewer}"; Flags: nowait postinstall skipifsilent
