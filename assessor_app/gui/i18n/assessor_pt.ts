<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT" sourcelanguage="en">
<context>
    <name>ChecklistFolderBox</name>
    <message>
        <location filename="../pages/checklist_folder.py" line="16"/>
        <source>Checklists from the training provider</source>
        <translation>Listas de verificação da entidade formadora</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="19"/>
        <source>Checklist folder</source>
        <translation>Pasta de listas de verificação</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="21"/>
        <source>Checklists loaded from the folder</source>
        <translation>Listas de verificação carregadas da pasta</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="23"/>
        <source>Problems in the checklist folder</source>
        <translation>Problemas na pasta de listas de verificação</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="28"/>
        <source>Checklist and parameter-set files put in this folder are read when the app starts, besides the shipped ones. The newest version of a checklist is offered for new assessments; an assessment already started always keeps the exact version it started with.</source>
        <translation>Os ficheiros de listas de verificação e de conjuntos de parâmetros colocados nesta pasta são lidos ao iniciar a aplicação, além dos fornecidos. Para novas avaliações é oferecida a versão mais recente de cada lista; uma avaliação já iniciada mantém sempre exatamente a versão com que começou.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="39"/>
        <source>Folder: {path}</source>
        <translation>Pasta: {path}</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="41"/>
        <source>Not read at this start.</source>
        <translation>Não lida neste arranque.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="43"/>
        <source>The folder does not exist: nothing was read from it.</source>
        <translation>A pasta não existe: nada foi lido dela.</translation>
    </message>
    <message>
        <location filename="../pages/checklist_folder.py" line="47"/>
        <source>Read at start: {checklists} checklist(s), {sets} parameter set(s), {problems} problem(s).</source>
        <translation>Lido no arranque: {checklists} lista(s) de verificação, {sets} conjunto(s) de parâmetros, {problems} problema(s).</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <location filename="../pages/review.py" line="82"/>
        <source>Reason</source>
        <extracomment>Missing evidence that the list does not flag (the step is not done, or does not apply). The longest line of a score button&apos;s words (the scale&apos;s label), in characters. The height of the list of steps in the review, in pixels (it scrolls on its own). The widths of the list&apos;s columns after the step&apos;s title: result, done by, readings, evidence. The widest the selected step&apos;s details and the correction box get beside the list, in pixels. Checked buttons (a score, a corrected result) read as chosen in any theme, with a mark as well.</extracomment>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="84"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../crash.py" line="74"/>
        <source>Assessor: unexpected error</source>
        <translation>Assessor: erro inesperado</translation>
    </message>
    <message>
        <location filename="../crash.py" line="75"/>
        <source>Something went wrong. What you recorded so far is saved.

{s}</source>
        <translation>Ocorreu um erro. Tudo o que foi registado até agora está guardado.

{s}</translation>
    </message>
</context>
<context>
    <name>DeliveryCoordinator</name>
    <message>
        <location filename="../delivery.py" line="98"/>
        <source>Not enrolled with a provider</source>
        <translation>Não inscrito numa entidade formadora</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="99"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Envio parado: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="100"/>
        <location filename="../delivery.py" line="176"/>
        <location filename="../delivery.py" line="199"/>
        <source>Outbox: {n}</source>
        <translation>Caixa de saída: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="173"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Entidade: este posto foi revogado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: up to date</source>
        <translation>Entidade: em dia</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="183"/>
        <source>Provider: sending</source>
        <translation>Entidade: a enviar</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: offline</source>
        <translation>Entidade: sem ligação</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="184"/>
        <source>Provider: retrying</source>
        <translation>Entidade: a tentar de novo</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: paused</source>
        <translation>Entidade: em pausa</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="185"/>
        <source>Provider: stopped</source>
        <translation>Entidade: parado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="189"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Entidade: a enviar {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="192"/>
        <source> (next try in {s} s)</source>
        <translation> (próxima tentativa em {s} s)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="195"/>
        <source> · last delivery {when}</source>
        <translation> · último envio {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="198"/>
        <source>, {n} refused</source>
        <translation>, {n} recusados</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="109"/>
        <location filename="../diagnostics.py" line="117"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Sem adaptador do veículo (Definições)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="120"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Avaliação fechada: sem registo CAN</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="122"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>A ligar ao adaptador…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="161"/>
        <source>Vehicle adapter not available</source>
        <translation>Adaptador indisponível</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="182"/>
        <source>CAN log closed</source>
        <translation>Registo CAN fechado</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="219"/>
        <source>DTC snapshot: {what}</source>
        <translation>Instantâneo de DTC: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="221"/>
        <source>signal check: {what}</source>
        <translation>verificação de sinais: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="223"/>
        <source>Needed before a pass: {what}</source>
        <translation>Necessário antes de aprovar: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="249"/>
        <source>Reading the vehicle…</source>
        <translation>A ler o veículo…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="259"/>
        <source>Checking the signals…</source>
        <translation>A verificar os sinais…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Vehicle adapter status</source>
        <translation>Estado do adaptador</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="43"/>
        <source>DTC snapshot (D)</source>
        <translation>Instantâneo DTC (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Check signals (C)</source>
        <translation>Verificar sinais (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="46"/>
        <source>Diagnostics of this step</source>
        <translation>Diagnóstico deste passo</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="77"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Adaptador perdido: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="81"/>
        <source> · {n} frames lost</source>
        <translation> · {n} tramas perdidas</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="83"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>Registo CAN: {device} · {fps} tramas/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>FieldInputs</name>
    <message>
        <location filename="../pages/field_inputs.py" line="95"/>
        <source>Step data</source>
        <translation>Dados do passo</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="97"/>
        <source>Record data</source>
        <translation>Registar dados</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="98"/>
        <source>Record the step data</source>
        <translation>Registar os dados do passo</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="122"/>
        <source>{field} (optional)</source>
        <translation>{field} (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="127"/>
        <source>{field}: check</source>
        <translation>{field}: verificação</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="145"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="153"/>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="157"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="173"/>
        <source>{field}: enter a finite number, e.g. 0.4 or 1000</source>
        <translation>{field}: introduza um número finito, p. ex. 0,4 ou 1000</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="191"/>
        <source>recorded ✔</source>
        <translation>registado ✔</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="46"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Pesquisar candidato, lista de verificação, VIN, oficina</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="47"/>
        <source>Search assessments</source>
        <translation>Pesquisar avaliações</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="49"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="51"/>
        <source>In progress</source>
        <translation>Em curso</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="52"/>
        <source>Finished</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="52"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Sealed</source>
        <translation>Selada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Synced</source>
        <translation>Sincronizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="57"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Nova avaliação</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="58"/>
        <source>&amp;Resume</source>
        <translation>&amp;Retomar</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="60"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Definições</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Updated</source>
        <translation>Atualizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="63"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="64"/>
        <source>Checklist</source>
        <translation>Lista de verificação</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="64"/>
        <source>Vehicle</source>
        <translation>Veículo</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="73"/>
        <source>Checklists that could not be loaded</source>
        <translation>Listas de verificação que não puderam ser carregadas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="76"/>
        <source>Checklist problems</source>
        <translation>Problemas das listas de verificação</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="134"/>
        <source>{n} checklist file(s) could not be loaded and are not offered for new assessments. Correct them (or ask the training provider for corrected files) and start the app again.</source>
        <translation>{n} ficheiro(s) de listas de verificação não puderam ser carregados e não são oferecidos para novas avaliações. Corrija-os (ou peça ficheiros corrigidos à entidade formadora) e inicie a aplicação de novo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="161"/>
        <source>%n assessment(s) in progress: select one and press Resume.</source>
        <translation>
            <numerusform>%n avaliação em curso: selecione-a e prima Retomar.</numerusform>
            <numerusform>%n avaliações em curso: selecione uma e prima Retomar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstrumentRow</name>
    <message>
        <location filename="../pages/step_inputs.py" line="321"/>
        <source>Instrument id, e.g. FLUKE-1587-22</source>
        <translation>ID do instrumento, p. ex. FLUKE-1587-22</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="322"/>
        <location filename="../pages/step_inputs.py" line="327"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="323"/>
        <source>Range, e.g. 1000 V DC</source>
        <translation>Gama, p. ex. 1000 V CC</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="324"/>
        <location filename="../pages/step_inputs.py" line="329"/>
        <source>Range</source>
        <translation>Gama</translation>
    </message>
</context>
<context>
    <name>InterventionBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="176"/>
        <source>Assessor prompt or intervention</source>
        <translation>Indicação ou intervenção do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="177"/>
        <source>What you prompted, or why you intervened</source>
        <translation>O que indicou, ou porque interveio</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="178"/>
        <source>Prompt or intervention note</source>
        <translation>Nota da indicação ou intervenção</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="179"/>
        <source>Prompted</source>
        <translation>Indicado</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="180"/>
        <source>Intervened</source>
        <translation>Interveio</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="199"/>
        <source>Critical step: a prompt or an intervention fails this step.</source>
        <translation>Passo crítico: uma indicação ou uma intervenção reprova este passo.</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="202"/>
        <source>{kind} (attempt {n}): {note}</source>
        <translation>{kind} (tentativa {n}): {note}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="203"/>
        <source> · failed the step</source>
        <translation> · passo reprovado</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="36"/>
        <location filename="../main_window.py" line="399"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="47"/>
        <source>Offline</source>
        <extracomment>opens a file or folder with the desktop&apos;s own application (a test puts a recorder here)</extracomment>
        <translation>Sem ligação</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="48"/>
        <source>Outbox: 0</source>
        <translation>Por enviar: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>Opening the assessments…</source>
        <translation>A abrir as avaliações…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="293"/>
        <source>unavailable: {reason}</source>
        <translation>indisponível: {reason}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="386"/>
        <source>Not found: {path}</source>
        <translation>Não encontrado: {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="389"/>
        <source>No application on this computer opened {path}</source>
        <translation>Nenhuma aplicação deste computador abriu {path}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="74"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Identificador pseudónimo, p. ex. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="75"/>
        <location filename="../pages/new_assessment.py" line="77"/>
        <location filename="../pages/new_assessment.py" line="79"/>
        <source>Name (optional)</source>
        <translation>Nome (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="76"/>
        <source>Id, e.g. assessor-03</source>
        <translation>ID, p. ex. assessor-03</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="78"/>
        <source>Id (optional)</source>
        <translation>ID (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="83"/>
        <source>Two letters, e.g. FI</source>
        <translation>Duas letras, p. ex. PT</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="85"/>
        <source>Address (optional)</source>
        <translation>Morada (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="91"/>
        <source>17 characters</source>
        <translation>17 caracteres</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="96"/>
        <source>The candidate consents to video recording</source>
        <translation>O candidato autoriza a gravação em vídeo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="98"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Iniciar avaliação</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="99"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="101"/>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>Candidate id</source>
        <translation>ID do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="101"/>
        <location filename="../pages/new_assessment.py" line="126"/>
        <source>Candidate name</source>
        <translation>Nome do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="132"/>
        <source>Workshop</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="107"/>
        <location filename="../pages/new_assessment.py" line="140"/>
        <source>Checklist</source>
        <translation>Lista de verificação</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="93"/>
        <source>e.g. 400</source>
        <translation>p. ex. 400</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="102"/>
        <location filename="../pages/new_assessment.py" line="127"/>
        <source>Assessor id</source>
        <translation>ID do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="102"/>
        <location filename="../pages/new_assessment.py" line="128"/>
        <source>Assessor name</source>
        <translation>Nome do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="103"/>
        <location filename="../pages/new_assessment.py" line="129"/>
        <source>Responsible person id</source>
        <translation>ID da pessoa responsável</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="104"/>
        <location filename="../pages/new_assessment.py" line="130"/>
        <source>Responsible person name</source>
        <translation>Nome da pessoa responsável</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="105"/>
        <location filename="../pages/new_assessment.py" line="134"/>
        <source>Workshop id</source>
        <translation>ID da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="105"/>
        <location filename="../pages/new_assessment.py" line="135"/>
        <source>Workshop name</source>
        <translation>Nome da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="106"/>
        <location filename="../pages/new_assessment.py" line="136"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="106"/>
        <source>Workshop address</source>
        <translation>Morada da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="107"/>
        <location filename="../pages/new_assessment.py" line="143"/>
        <source>Parameter set</source>
        <translation>Conjunto de parâmetros</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="108"/>
        <location filename="../pages/new_assessment.py" line="144"/>
        <source>Vehicle VIN</source>
        <translation>VIN do veículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="108"/>
        <location filename="../pages/new_assessment.py" line="149"/>
        <location filename="../pages/new_assessment.py" line="242"/>
        <source>Working voltage</source>
        <translation>Tensão de trabalho</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="123"/>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="137"/>
        <source>Address</source>
        <translation>Morada</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="138"/>
        <source>Task and vehicle</source>
        <translation>Tarefa e veículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="212"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Nível: {gateway} · versão {version} · {steps} passos
Pré-requisitos: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="213"/>
        <location filename="../pages/new_assessment.py" line="214"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="217"/>
        <source>This checklist asks for the responsible person&apos;s sign-off: name them.</source>
        <translation>Esta lista de verificação pede a assinatura da pessoa responsável: indique-a.</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="240"/>
        <source>Working voltage: enter the vehicle&apos;s working voltage (the highest in its HV system), e.g. 400</source>
        <translation>Tensão de trabalho: introduza a tensão de trabalho do veículo (a mais alta do seu sistema de alta tensão), p. ex. 400</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="269"/>
        <source>Cannot start: {problems}</source>
        <translation>Não é possível iniciar: {problems}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="276"/>
        <source>candidate id</source>
        <translation>ID do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="276"/>
        <source>assessor id</source>
        <translation>ID do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="277"/>
        <source>workshop id</source>
        <translation>ID da oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="277"/>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="279"/>
        <source>responsible person id</source>
        <translation>ID da pessoa responsável</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="286"/>
        <source>Country: two letters (ISO 3166), e.g. FI, not {value}</source>
        <translation>País: duas letras (ISO 3166), p. ex. PT, não {value}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="313"/>
        <source>Awarding body: {name} (the training provider this workstation is enrolled with)</source>
        <translation>Entidade que atribui: {name} (a entidade formadora onde este posto está inscrito)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="315"/>
        <source>Awarding body: none named (not enrolled with a training provider)</source>
        <translation>Entidade que atribui: nenhuma (não inscrito numa entidade formadora)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="282"/>
        <source>Please fill in: {fields}</source>
        <translation>Falta preencher: {fields}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../pages/step_inputs.py" line="50"/>
        <source>Photos</source>
        <extracomment>How large a thumbnail is shown in the strip (the controller makes them a little larger). Recorded with a redo: why the sequence is done again (the trainer&apos;s words go in a note).</extracomment>
        <translation>Fotografias</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="51"/>
        <source>Photo (P)</source>
        <translation>Fotografia (P)</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="52"/>
        <source>Take a photo with the camera</source>
        <translation>Tirar uma fotografia com a câmara</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="53"/>
        <source>Photo from file…</source>
        <translation>Fotografia de ficheiro…</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="54"/>
        <source>Add a photo from a file</source>
        <translation>Adicionar uma fotografia de um ficheiro</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="63"/>
        <source>Photos of this step</source>
        <translation>Fotografias deste passo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="82"/>
        <source>Photo from file</source>
        <translation>Fotografia de ficheiro</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="82"/>
        <source>Pictures (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Imagens (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
</context>
<context>
    <name>ProviderSettings</name>
    <message>
        <location filename="../pages/provider_settings.py" line="20"/>
        <source>Training provider</source>
        <translation>Entidade formadora</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="23"/>
        <location filename="../pages/provider_settings.py" line="32"/>
        <source>Provider address</source>
        <translation>Endereço da entidade</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="25"/>
        <location filename="../pages/provider_settings.py" line="33"/>
        <source>Enrollment code</source>
        <translation>Código de inscrição</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="26"/>
        <source>Enroll this workstation</source>
        <translation>Inscrever este posto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="27"/>
        <source>Not enrolled: sealed assessments stay on this computer.</source>
        <translation>Não inscrito: as avaliações seladas ficam neste computador.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="30"/>
        <source>The provider gives you a one-time code for your workshop; the code decides which workshop this workstation delivers for.</source>
        <translation>A entidade dá-lhe um código de utilização única para a sua oficina; o código decide para que oficina este posto entrega.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="37"/>
        <source>Assessors</source>
        <translation>Avaliadores</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="42"/>
        <source>Each assessor binds their own signing key to their record at the provider, once:
1. The provider registers you and gives you a one-time assessor code.
2. Enter your assessor id and that code here.
3. Enter your PIN: a new one (at least 4 characters) if this workstation has no key of yours yet, else the PIN you seal with.
Your key never leaves this workstation; the provider keeps only its public part. Sealing works offline afterwards.</source>
        <translation>Cada avaliador associa a sua própria chave de assinatura ao seu registo na entidade, uma única vez:
1. A entidade regista-o e dá-lhe um código de avaliador de utilização única.
2. Escreva aqui o seu id de avaliador e esse código.
3. Escreva o seu PIN: um novo (pelo menos 4 caracteres) se este posto ainda não tiver uma chave sua; caso contrário, o PIN com que sela.
A sua chave nunca sai deste posto; a entidade guarda apenas a parte pública. Depois disso, selar funciona também sem rede.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="50"/>
        <location filename="../pages/provider_settings.py" line="60"/>
        <source>Assessor id</source>
        <translation>Id de avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="52"/>
        <location filename="../pages/provider_settings.py" line="61"/>
        <source>Assessor code</source>
        <translation>Código de avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="54"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="55"/>
        <source>Bind my key</source>
        <translation>Associar a minha chave</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="57"/>
        <location filename="../pages/provider_settings.py" line="124"/>
        <source>No assessor has bound a key on this workstation.</source>
        <translation>Nenhum avaliador associou uma chave neste posto.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="58"/>
        <source>Assessors bound on this workstation</source>
        <translation>Avaliadores associados neste posto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="62"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="81"/>
        <source>Fill in the provider address and the enrollment code.</source>
        <translation>Preencha o endereço da entidade e o código de inscrição.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="84"/>
        <source>Enrolling…</source>
        <translation>A inscrever…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="90"/>
        <source>Enrolled with {url} as {workshop}. Provider key: {key}</source>
        <translation>Inscrito em {url} como {workshop}. Chave da entidade: {key}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="95"/>
        <source>Not enrolled: {reason}</source>
        <translation>Não inscrito: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="102"/>
        <source>Fill in your assessor id, the assessor code and your PIN.</source>
        <translation>Preencha o seu id de avaliador, o código de avaliador e o seu PIN.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="105"/>
        <source>Binding your key…</source>
        <translation>A associar a sua chave…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="112"/>
        <source>Bound: {name} ({id}), {qualification}, valid through {expires}.</source>
        <translation>Associado: {name} ({id}), {qualification}, válida até {expires}.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="119"/>
        <source>Not bound: {reason}</source>
        <translation>Não associado: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="130"/>
        <source>NOT ACCEPTED: {problem}</source>
        <translation>NÃO ACEITE: {problem}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="131"/>
        <source>accepted by the provider</source>
        <translation>aceite pela entidade</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="132"/>
        <source>{id} ({name}): {qualification} through {expires}; {state} (checked {when})</source>
        <translation>{id} ({name}): {qualification}, válida até {expires}; {state} (verificado {when})</translation>
    </message>
</context>
<context>
    <name>QuestionsBox</name>
    <message>
        <location filename="../pages/step_inputs.py" line="110"/>
        <source>Oral questions</source>
        <translation>Perguntas orais</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="129"/>
        <source>The answer given</source>
        <translation>A resposta dada</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="130"/>
        <source>Answer: {question}</source>
        <translation>Resposta: {question}</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="132"/>
        <source>Correct</source>
        <translation>Correta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="133"/>
        <source>Incorrect</source>
        <translation>Incorreta</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="155"/>
        <source>noted: correct ✔</source>
        <translation>anotada: correta ✔</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="155"/>
        <source>noted: incorrect ✘</source>
        <translation>anotada: incorreta ✘</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="148"/>
        <source>Missing or incomplete evidence</source>
        <translation>Evidências em falta ou incompletas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="157"/>
        <source>How the candidate&apos;s identity was checked</source>
        <translation>Como foi verificada a identidade do candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="158"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="161"/>
        <source>Note, e.g. the kind of document (optional)</source>
        <translation>Nota, p. ex. o tipo de documento (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="162"/>
        <source>Identity check note</source>
        <translation>Nota da verificação de identidade</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="163"/>
        <source>Record identity check</source>
        <translation>Registar verificação de identidade</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="169"/>
        <source>Sign-offs</source>
        <translation>Assinaturas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="172"/>
        <location filename="../pages/review.py" line="736"/>
        <source>Name, typed by the person signing</source>
        <translation>Nome, escrito por quem assina</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="173"/>
        <source>Name of the {role} signing</source>
        <translation>Nome de quem assina como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="174"/>
        <source>Sign off</source>
        <translation>Assinar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="175"/>
        <source>Sign off as the {role}</source>
        <translation>Assinar como {role}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="191"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Concluir avaliação</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="192"/>
        <source>A&amp;bandon…</source>
        <translation>A&amp;bandonar…</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="193"/>
        <source>Abandon the assessment</source>
        <translation>Abandonar a avaliação</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="194"/>
        <source>Back to steps (Esc)</source>
        <translation>Voltar aos passos (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="195"/>
        <source>Home</source>
        <translation>Início</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="196"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>PIN do avaliador para selar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="198"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="199"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;elar evidências</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="201"/>
        <source>Open the PDF &amp;record</source>
        <translation>Abrir o &amp;registo em PDF</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="202"/>
        <source>Open the bundle f&amp;older</source>
        <translation>Abrir a &amp;pasta do pacote</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="206"/>
        <source>Candidate&apos;s identity</source>
        <translation>Identidade do candidato</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="450"/>
        <source>corrected</source>
        <translation>corrigido</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="453"/>
        <source>missing: {kinds}</source>
        <translation>em falta: {kinds}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="502"/>
        <source>Correct the result of step {step}</source>
        <translation>Corrigir o resultado do passo {step}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="505"/>
        <source>Results can no longer be corrected: the assessment is {phase}.</source>
        <translation>Os resultados já não podem ser corrigidos: a avaliação está {phase}.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="508"/>
        <source>Results can no longer be corrected: the record is signed off.</source>
        <translation>Os resultados já não podem ser corrigidos: o registo está assinado.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="510"/>
        <source>Step {step} has no result to correct.</source>
        <translation>O passo {step} não tem resultado para corrigir.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="511"/>
        <source>Step {step} failed by the assessor&apos;s intervention: that cannot be corrected.</source>
        <translation>O passo {step} foi reprovado pela intervenção do avaliador: isso não pode ser corrigido.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="546"/>
        <source>Result: {result}</source>
        <translation>Resultado: {result}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="549"/>
        <source>Done by: {person}</source>
        <translation>Feito por: {person}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="551"/>
        <source>in range</source>
        <translation>dentro do intervalo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="551"/>
        <source>OUT OF RANGE</source>
        <translation>FORA DO INTERVALO</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="555"/>
        <source>Corrected at {time}: {old} → {new}; reason: {reason}</source>
        <translation>Corrigido às {time}: {old} → {new}; motivo: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="559"/>
        <source>(first recorded with the reason: {reason})</source>
        <translation>(registado primeiro com o motivo: {reason})</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="562"/>
        <source>(done by {person}, first recorded as {was})</source>
        <translation>(feito por {person}; registado primeiro como {was})</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="565"/>
        <source>Reopened: {steps}</source>
        <translation>Reabertos: {steps}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="568"/>
        <source>Reopened by the correction of step {step}: to be done again.</source>
        <translation>Reaberto pela correção do passo {step}: a repetir.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="576"/>
        <source>{kind}: {items}</source>
        <translation>{kind}: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="577"/>
        <source>{kind} missing: {why}</source>
        <translation>{kind} em falta: {why}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="582"/>
        <source>no consent to video</source>
        <translation>sem consentimento para vídeo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="582"/>
        <source>no camera</source>
        <translation>sem câmara</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="583"/>
        <source>camera lost (gap)</source>
        <translation>câmara perdida (interrupção)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="584"/>
        <source>no vehicle adapter</source>
        <translation>sem adaptador de veículo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="585"/>
        <source>not taken</source>
        <translation>não tirada</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="585"/>
        <source>not recorded</source>
        <translation>não registado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="586"/>
        <source>step not done</source>
        <translation>passo não realizado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="586"/>
        <source>not applicable</source>
        <translation>não aplicável</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>Pass</source>
        <translation>Aprovado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>Fail</source>
        <translation>Reprovado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="590"/>
        <source>N/A</source>
        <translation>Não aplicável</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="591"/>
        <source>Hazard found, stopped</source>
        <translation>Perigo detetado, parado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="620"/>
        <source>Choose the result the step is corrected to.</source>
        <translation>Escolha o resultado para o qual o passo é corrigido.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="636"/>
        <source>Finish: the assessment becomes read-only. Results, readings, rubric scores and sign-offs can no longer be changed, and no result can be corrected. The outcome recorded: {outcome}.</source>
        <translation>Concluir: a avaliação passa a ser só de leitura. Os resultados, as leituras, as pontuações da rubrica e as assinaturas já não podem ser alterados, e nenhum resultado pode ser corrigido. Resultado registado: {outcome}.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="638"/>
        <source>Yes, finish</source>
        <translation>Sim, concluir</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="645"/>
        <source>Abandon: the assessment ends here, unfinished, and becomes read-only. Nothing more can be recorded or corrected. Say why it is abandoned.</source>
        <translation>Abandonar: a avaliação termina aqui, por concluir, e passa a ser só de leitura. Já nada pode ser registado nem corrigido. Indique porque é abandonada.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="646"/>
        <source>Yes, abandon</source>
        <translation>Sim, abandonar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="647"/>
        <source>Reason the assessment is abandoned (required)</source>
        <translation>Motivo do abandono (obrigatório)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="653"/>
        <source>Type the assessor&apos;s PIN to seal.</source>
        <translation>Escreva o PIN do avaliador para selar.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="657"/>
        <source>Seal: the record, its evidence files and the PDF records are signed with this workstation&apos;s key and the assessor&apos;s key. Nothing in the sealed bundle can be changed afterwards.</source>
        <translation>Selar: o registo, os seus ficheiros de evidência e os registos em PDF são assinados com a chave deste posto de trabalho e a do avaliador. Depois, nada no pacote selado pode ser alterado.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="659"/>
        <source>Yes, seal</source>
        <translation>Sim, selar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="152"/>
        <source>Behavioural rubric</source>
        <translation>Rubrica de comportamento</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="145"/>
        <source>People of the assessment</source>
        <translation>Pessoas da avaliação</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="299"/>
        <source>Steps and their results</source>
        <translation>Passos e os seus resultados</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="300"/>
        <location filename="../pages/review.py" line="342"/>
        <source>Done by</source>
        <translation>Feito por</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="301"/>
        <source>Readings</source>
        <translation>Leituras</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="301"/>
        <source>Evidence</source>
        <translation>Evidências</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="315"/>
        <source>The selected step</source>
        <translation>O passo selecionado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="321"/>
        <source>Correct the result of the selected step</source>
        <translation>Corrigir o resultado do passo selecionado</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="329"/>
        <source>Correct to: {result}</source>
        <translation>Corrigir para: {result}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="334"/>
        <source>Done by (as corrected)</source>
        <translation>Feito por (após a correção)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="335"/>
        <source>Reason for the correction (required)</source>
        <translation>Motivo da correção (obrigatório)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="336"/>
        <source>Reason for the correction</source>
        <translation>Motivo da correção</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="337"/>
        <source>Record &amp;correction</source>
        <translation>Registar c&amp;orreção</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="394"/>
        <source>Outcome: {o}</source>
        <translation>Resultado: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="395"/>
        <source>Outcome so far: {o}</source>
        <translation>Resultado provisório: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="402"/>
        <source>Hazard found and correctly stopped: stopping was the right decision, so this is not a fail of the candidate. The task could not be completed on this vehicle: re-assess on a sound vehicle.</source>
        <translation>Perigo detetado e trabalho parado corretamente: parar foi a decisão certa, por isso não é uma reprovação do candidato. A tarefa não pôde ser concluída neste veículo: reavaliar num veículo sem defeitos.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="408"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Evidências em falta ou incompletas: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="412"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Todas as evidências exigidas pela lista de verificação estão registadas.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="708"/>
        <source>Identity: {method}</source>
        <translation>Identidade: {method}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="712"/>
        <source>Identity: not recorded yet</source>
        <translation>Identidade: ainda não registada</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="730"/>
        <source>Signed by {name}</source>
        <translation>Assinado por {name}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="732"/>
        <source>No responsible person was named for this assessment.</source>
        <translation>Não foi indicada nenhuma pessoa responsável para esta avaliação.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="745"/>
        <source>I did the work assessed here myself, and I have seen this record.</source>
        <translation>Fiz eu próprio o trabalho aqui avaliado e vi este registo.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="747"/>
        <source>I was responsible for this work (SFS 6002) and confirm this record.</source>
        <translation>Fui a pessoa responsável por este trabalho (SFS 6002) e confirmo este registo.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="748"/>
        <source>I observed this assessment.</source>
        <translation>Observei esta avaliação.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="759"/>
        <source>Choose how the candidate&apos;s identity was checked (or that it was not).</source>
        <translation>Escolha como foi verificada a identidade do candidato (ou que não foi verificada).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="677"/>
        <source>Sealed: {path}</source>
        <translation>Selado: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="81"/>
        <source>Steps</source>
        <extracomment>The width the step list&apos;s column starts with (the trainer can drag the divider).</extracomment>
        <translation>Passos</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="91"/>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="95"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Motivo (obrigatório se não aplicável; útil se reprovado)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="96"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="97"/>
        <source>Note on this step</source>
        <translation>Nota sobre este passo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="98"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="99"/>
        <source>Add note</source>
        <translation>Adicionar nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="100"/>
        <source>Start step (S)</source>
        <translation>Iniciar passo (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="101"/>
        <source>Pass (Space)</source>
        <translation>Aprovado (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="102"/>
        <source>Fail (F)</source>
        <translation>Reprovado (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="103"/>
        <source>N/A (N)</source>
        <translation>Não aplicável (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="104"/>
        <source>Hazard found, stopped (H)</source>
        <translation>Perigo detetado, parado (H)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="105"/>
        <source>Hazard found, correctly stopped</source>
        <translation>Perigo detetado, parado corretamente</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="110"/>
        <location filename="../pages/run.py" line="160"/>
        <source>Done by</source>
        <extracomment>When a wait ends or a time window closes: a sound (this callable) and a visible cue.</extracomment>
        <translation>Feito por</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="111"/>
        <source>Review (R)</source>
        <translation>Rever (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="269"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Risco: {risk} · evidências: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="273"/>
        <source>Pass criterion: {c}</source>
        <translation>Critério de aprovação: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="290"/>
        <source>Hazard stop: {hazard}</source>
        <translation>Paragem por perigo: {hazard}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="339"/>
        <source>Record</source>
        <translation>Registar</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="411"/>
        <source>in range ✔</source>
        <translation>dentro do intervalo ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="411"/>
        <source>OUT OF RANGE ✘</source>
        <translation>FORA DO INTERVALO ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="630"/>
        <source>Step {n} of {total} · passed {passed} · failed {failed} · remaining {remaining}</source>
        <translation>Passo {n} de {total} · aprovados {passed} · reprovados {failed} · por fazer {remaining}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="634"/>
        <source>N/A {count}</source>
        <translation>não aplicável {count}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="636"/>
        <source>hazard stop {count}</source>
        <translation>parados por perigo {count}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="639"/>
        <source>The task is stopped.</source>
        <translation>A tarefa está parada.</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="640"/>
        <source>Every step has a result.</source>
        <translation>Todos os passos têm resultado.</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="641"/>
        <source>{head} Left before finishing: {left}. Go to the review (R).</source>
        <translation>{head} Falta antes de concluir: {left}. Vá para a revisão (R).</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="643"/>
        <source>{head} Nothing is left but finishing: go to the review (R).</source>
        <translation>{head} Só falta concluir: vá para a revisão (R).</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="654"/>
        <source>steps {steps}</source>
        <translation>passos {steps}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="656"/>
        <source>rubric scores ({criteria})</source>
        <translation>pontuações da rubrica ({criteria})</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="658"/>
        <source>the identity check</source>
        <translation>a verificação de identidade</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="660"/>
        <source>sign-offs ({roles})</source>
        <translation>assinaturas ({roles})</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="423"/>
        <source>{what}: {time} left</source>
        <translation>{what}: faltam {time}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="425"/>
        <source>{what} closed</source>
        <translation>{what}: expirou</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="426"/>
        <source>{what} over</source>
        <translation>{what}: terminou</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="474"/>
        <source>{what} closed for step {step}: do the sequence again or record a fail</source>
        <translation>{what}: expirou para o passo {step}; repita a sequência ou registe um reprovado</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="477"/>
        <source>{what} over: step {step} can be done now</source>
        <translation>{what}: terminou; o passo {step} já pode ser feito</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="610"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: introduza um número, p. ex. 0,4 ou 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="92"/>
        <location filename="../pages/settings.py" line="105"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="97"/>
        <location filename="../pages/settings.py" line="109"/>
        <location filename="../pages/settings.py" line="211"/>
        <source>Data folder</source>
        <translation>Pasta de dados</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="98"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="99"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="100"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="103"/>
        <source>General (applies when the app is next started)</source>
        <translation>Geral (aplica-se no próximo arranque da aplicação)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="110"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Dispositivos (aplicam-se à próxima avaliação aberta)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="113"/>
        <location filename="../pages/settings.py" line="123"/>
        <source>Camera</source>
        <translation>Câmara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="114"/>
        <source>No camera</source>
        <translation>Sem câmara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="115"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Câmara simulada (padrão de teste)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="117"/>
        <source>Camera {name}</source>
        <translation>Câmara {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="119"/>
        <source>Find cameras</source>
        <translation>Procurar câmaras</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="125"/>
        <location filename="../pages/settings.py" line="145"/>
        <source>Vehicle adapter</source>
        <translation>Adaptador do veículo</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="126"/>
        <source>No vehicle adapter</source>
        <translation>Sem adaptador</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="127"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>VE simulado (barramento CAN virtual)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="132"/>
        <source>Find adapters</source>
        <translation>Procurar adaptadores</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="137"/>
        <location filename="../pages/settings.py" line="146"/>
        <source>Bit rate</source>
        <translation>Taxa de bits</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="141"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Só escuta (nunca transmite no barramento)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="143"/>
        <source>Test connection</source>
        <translation>Testar ligação</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="154"/>
        <source>This workstation</source>
        <translation>Este posto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="156"/>
        <source>not created yet</source>
        <translation>ainda não criada</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="158"/>
        <source>Workstation key fingerprint</source>
        <translation>Impressão digital da chave do posto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="160"/>
        <source>Signing key fingerprint</source>
        <translation>Impressão digital da chave de assinatura</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="161"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>A entidade formadora compara-a com a chave que registou para este posto.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="207"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>A procurar câmaras (alguns segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="237"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>A procurar adaptadores (alguns segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="246"/>
        <source>{n} adapter(s) found.</source>
        <translation>Adaptadores encontrados: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="252"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Escolha primeiro um adaptador.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="255"/>
        <source>Testing the connection (2 s)…</source>
        <translation>A testar a ligação (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="268"/>
        <source>{n} camera(s) found.</source>
        <translation>Câmaras encontradas: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="271"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Guardado em {path}. Reinicie a aplicação para aplicar as alterações.</translation>
    </message>
</context>
<context>
    <name>StepInputs</name>
    <message>
        <location filename="../pages/step_inputs.py" line="226"/>
        <source>Re-prove the tester and measure again</source>
        <translation>Voltar a provar o verificador e medir de novo</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="275"/>
        <source>Locked into the hazard stop: {lock}. Make the vehicle safe, keep it quarantined and record the hazard stop (H).</source>
        <translation>Bloqueado na paragem por perigo: {lock}. Coloque o veículo em segurança, mantenha-o em quarentena e registe a paragem por perigo (H).</translation>
    </message>
    <message>
        <location filename="../pages/step_inputs.py" line="281"/>
        <source>The live-dead-live window has lapsed: do the sequence again from step {step} ({title}). Every reading is kept.</source>
        <translation>A janela vivo-morto-vivo expirou: repita a sequência a partir do passo {step} ({title}). Todas as leituras são guardadas.</translation>
    </message>
</context>
<context>
    <name>ThemeChoice</name>
    <message>
        <location filename="../pages/appearance.py" line="18"/>
        <source>Appearance (applies at once)</source>
        <translation>Aspeto (aplica-se de imediato)</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="19"/>
        <source>Light: for a bright shop</source>
        <translation>Claro: para uma oficina luminosa</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="20"/>
        <source>Dark, high contrast: for a dark bay</source>
        <translation>Escuro, alto contraste: para um posto escuro</translation>
    </message>
    <message>
        <location filename="../pages/appearance.py" line="27"/>
        <source>Theme: {name}</source>
        <translation>Tema: {name}</translation>
    </message>
</context>
<context>
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="144"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Nenhuma avaliação aberta</translation>
    </message>
    <message>
        <location filename="../video.py" line="153"/>
        <source>Assessment closed: no recording</source>
        <translation>Avaliação fechada: sem gravação</translation>
    </message>
    <message>
        <location filename="../video.py" line="156"/>
        <source>Not recording: no consent to video</source>
        <translation>Sem gravar: sem consentimento de vídeo</translation>
    </message>
    <message>
        <location filename="../video.py" line="159"/>
        <source>No camera chosen (Settings)</source>
        <translation>Nenhuma câmara escolhida (Definições)</translation>
    </message>
    <message>
        <location filename="../video.py" line="161"/>
        <source>Starting the camera…</source>
        <translation>A iniciar a câmara…</translation>
    </message>
    <message>
        <location filename="../video.py" line="188"/>
        <source>Camera not available</source>
        <translation>Câmara indisponível</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="52"/>
        <source>Camera preview</source>
        <extracomment>The live preview beside the step list: small enough that the list shows most steps on a 1366x768 screen, large enough to see that the camera frames the work.</extracomment>
        <translation>Pré-visualização da câmara</translation>
    </message>
    <message>
        <location filename="../video.py" line="54"/>
        <source>Recording status</source>
        <translation>Estado da gravação</translation>
    </message>
    <message>
        <location filename="../video.py" line="55"/>
        <location filename="../video.py" line="124"/>
        <source>Pause recording (V)</source>
        <translation>Pausar gravação (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="105"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} imagens perdidas</translation>
    </message>
    <message>
        <location filename="../video.py" line="108"/>
        <source>● REC {time} · {size}</source>
        <translation>● GRAV {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="111"/>
        <source>Paused at {time} · {size}</source>
        <translation>Em pausa em {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="114"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Câmara perdida: à espera que volte</translation>
    </message>
    <message>
        <location filename="../video.py" line="117"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Gravado {time} em {n} segmentos · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="123"/>
        <source>Resume recording (V)</source>
        <translation>Retomar gravação (V)</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../pages/field_inputs.py" line="67"/>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="68"/>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="69"/>
        <source>{field}: yes</source>
        <translation>{field}: sim</translation>
    </message>
    <message>
        <location filename="../pages/field_inputs.py" line="70"/>
        <source>{field}: no</source>
        <translation>{field}: não</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="162"/>
        <source>Assessor is already open on this computer.</source>
        <extracomment>How long the start waits for the window&apos;s first frame before it loads the store anyway (a window that starts minimised is not painted until it is shown). The modules of the pages and devices: imported on the writer thread while the first frame is up, so that building the pages on the GUI thread does not wait for imports.</extracomment>
        <translation>O Assessor já está aberto neste computador.</translation>
    </message>
    <message>
        <location filename="../window.py" line="180"/>
        <source>The assessments could not be opened: see the error message.</source>
        <translation>Não foi possível abrir as avaliações: veja a mensagem de erro.</translation>
    </message>
</context>
<context>
    <name>bad_input</name>
    <message>
        <location filename="../bad_input.py" line="21"/>
        <source>VIN: empty, needs {n} characters</source>
        <translation>VIN: vazio, são precisos {n} caracteres</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="24"/>
        <source>VIN: {length} characters, needs {n}</source>
        <translation>VIN: {length} caracteres, são precisos {n}</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="27"/>
        <source>VIN: letter {char} at position {position} is not allowed (I, O, Q are never used)</source>
        <translation>VIN: a letra {char} na posição {position} não é permitida (I, O e Q nunca são usadas)</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="30"/>
        <source>VIN: &apos;{char}&apos; at position {position} is not allowed (only digits and the letters A-Z without I, O, Q)</source>
        <translation>VIN: &apos;{char}&apos; na posição {position} não é permitido (apenas algarismos e as letras A-Z sem I, O, Q)</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="37"/>
        <source>VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate</source>
        <translation>VIN: o dígito de controlo {found} não corresponde (o VIN dá {expected}): leia a chapa de novo</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="41"/>
        <source>VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate, unless this maker&apos;s VINs carry no check digit</source>
        <translation>VIN: o dígito de controlo {found} não corresponde (o VIN dá {expected}): leia a chapa de novo, a menos que os VIN deste fabricante não tenham dígito de controlo</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="49"/>
        <location filename="../bad_input.py" line="93"/>
        <source>{field}: {value} is not a finite number</source>
        <translation>{field}: {value} não é um número finito</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="53"/>
        <source>{field}: {value} is outside the instrument&apos;s range (at least {bound}): re-read the display</source>
        <translation>{field}: {value} está fora da gama do instrumento (no mínimo {bound}): leia o visor de novo</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="57"/>
        <source>{field}: {value} is outside the instrument&apos;s range (at most {bound}): re-read the display</source>
        <translation>{field}: {value} está fora da gama do instrumento (no máximo {bound}): leia o visor de novo</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="61"/>
        <source>{field}: {value} is not plausible (at least {bound})</source>
        <translation>{field}: {value} não é plausível (no mínimo {bound})</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="63"/>
        <source>{field}: {value} is not plausible (at most {bound})</source>
        <translation>{field}: {value} não é plausível (no máximo {bound})</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="89"/>
        <source>{field}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{field}: introduza um número, p. ex. 0,4 ou 0,4 {unit}</translation>
    </message>
    <message>
        <location filename="../bad_input.py" line="98"/>
        <source>{field}: {typed} is not a unit of this value (enter it in {unit})</source>
        <translation>{field}: {typed} não é uma unidade deste valor (introduza-o em {unit})</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>competent</source>
        <translation>competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>not yet competent</source>
        <translation>ainda não competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>incomplete</source>
        <translation>incompleta</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>abandoned</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>stopped safely</source>
        <translation>parada em segurança</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>hazard found, correctly stopped</source>
        <translation>perigo detetado, parado corretamente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>not done</source>
        <translation>por fazer</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>can be done now</source>
        <translation>pode ser feito agora</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>not allowed yet</source>
        <translation>ainda não permitido</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>passed</source>
        <translation>aprovado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>failed</source>
        <translation>reprovado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>not applicable</source>
        <translation>não aplicável</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>in progress</source>
        <translation>em curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>stopped</source>
        <translation>parada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>finished</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>sealed</source>
        <translation>selada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>synced</source>
        <translation>sincronizada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>high</source>
        <translation>elevado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>standard</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>foundational electrical safety</source>
        <translation>segurança elétrica básica</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>HV maintenance (non-live)</source>
        <translation>manutenção AT (sem tensão)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>EV/hybrid work incl. de-energising</source>
        <translation>trabalhos em VE/híbridos incl. desenergização</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>live work</source>
        <translation>trabalhos em tensão</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>photo</source>
        <translation>fotografia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>measurement</source>
        <translation>medição</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>CAN/OBD log</source>
        <translation>registo CAN/OBD</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>observation</source>
        <translation>observação</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>sign-off</source>
        <translation>assinatura</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>assessor</source>
        <translation>avaliador</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>candidate</source>
        <translation>candidato</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>responsible person</source>
        <translation>pessoa responsável</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>photo ID checked</source>
        <translation>documento de identificação com fotografia verificado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>known to the assessor</source>
        <translation>conhecido do avaliador</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>checked against the provider&apos;s record</source>
        <translation>verificado no registo da entidade formadora</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>not checked</source>
        <translation>não verificada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>prompt</source>
        <translation>indicação</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>intervention</source>
        <translation>intervenção</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>camera</source>
        <translation>câmara</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>file</source>
        <translation>ficheiro</translation>
    </message>
</context>
</TS>
