; Inno Setup script: the Windows installer of the desktop build (dist\assessor from
; packaging/build-desktop.sh). Per-user: no administrator rights, installed under the user's
; %LOCALAPPDATA%\Programs, a Start menu entry that opens the window with no console behind it.
; The uninstaller keeps the assessments (the data folder) unless the trainer asks to delete them.
;   iscc /DAppVersion=0.1.0 packaging\windows\assessor.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Assessor"
#define Languages AddBackslash(CompilerPath) + "Languages\"

[Setup]
AppId={{6E4E3A52-5B0C-4C1F-9E0B-2F5E7A3C8D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Assessor
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; per-user: {autopf} is %LOCALAPPDATA%\Programs and nothing needs elevation
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=assessor-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\assessor.ico
UninstallDisplayIcon={app}\Assessor.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; the pilots' languages, each where this Inno Setup ships its translation
#if FileExists(Languages + "Finnish.isl")
Name: "fi"; MessagesFile: "compiler:Languages\Finnish.isl"
#endif
#if FileExists(Languages + "Swedish.isl")
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
#endif
#if FileExists(Languages + "Spanish.isl")
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
#endif
#if FileExists(Languages + "Portuguese.isl")
Name: "pt"; MessagesFile: "compiler:Languages\Portuguese.isl"
#endif

[CustomMessages]
en.DeleteData=Also delete the assessments, evidence bundles and settings kept on this computer?%n%nChoose No to keep them (a later installation finds them again).
fi.DeleteData=Poistetaanko myös tälle tietokoneelle tallennetut arvioinnit, todistepaketit ja asetukset?%n%nValitse Ei, jos haluat säilyttää ne (myöhempi asennus löytää ne uudelleen).
sv.DeleteData=Ska även bedömningarna, bevispaketen och inställningarna på den här datorn raderas?%n%nVälj Nej för att behålla dem (en senare installation hittar dem igen).
es.DeleteData=¿Borrar también las evaluaciones, los paquetes de evidencias y los ajustes guardados en este ordenador?%n%nElija No para conservarlos (una instalación posterior los volverá a encontrar).
pt.DeleteData=Apagar também as avaliações, os pacotes de evidências e as definições guardados neste computador?%n%nEscolha Não para os manter (uma instalação posterior volta a encontrá-los).

[Files]
Source: "..\..\dist\assessor\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\Assessor.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Assessor.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\Assessor.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data folder is platformdirs' user data folder of the app (assessor_app/paths.py):
  %LOCALAPPDATA%\assessor\assessor, with its settings and logs beside it. Silent uninstalls keep it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Data: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Data := ExpandConstant('{localappdata}\assessor');
    if DirExists(Data) and not UninstallSilent() then
      if MsgBox(CustomMessage('DeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(Data, True, True, True);
  end;
end;
