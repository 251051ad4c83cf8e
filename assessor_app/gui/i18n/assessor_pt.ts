<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT" sourcelanguage="en">
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
        <location filename="../delivery.py" line="83"/>
        <source>Not enrolled with a provider</source>
        <translation>Não inscrito numa entidade formadora</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="84"/>
        <source>Delivery stopped: {reason}</source>
        <translation>Envio parado: {reason}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="85"/>
        <location filename="../delivery.py" line="158"/>
        <location filename="../delivery.py" line="181"/>
        <source>Outbox: {n}</source>
        <translation>Caixa de saída: {n}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="155"/>
        <source>Provider: this workstation was revoked</source>
        <translation>Entidade: este posto foi revogado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: up to date</source>
        <translation>Entidade: em dia</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="165"/>
        <source>Provider: sending</source>
        <translation>Entidade: a enviar</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: offline</source>
        <translation>Entidade: sem ligação</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="166"/>
        <source>Provider: retrying</source>
        <translation>Entidade: a tentar de novo</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: paused</source>
        <translation>Entidade: em pausa</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="167"/>
        <source>Provider: stopped</source>
        <translation>Entidade: parado</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="171"/>
        <source>Provider: sending {id} {pct}%</source>
        <translation>Entidade: a enviar {id} {pct} %</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="174"/>
        <source> (next try in {s} s)</source>
        <translation> (próxima tentativa em {s} s)</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="177"/>
        <source> · last delivery {when}</source>
        <translation> · último envio {when}</translation>
    </message>
    <message>
        <location filename="../delivery.py" line="180"/>
        <source>, {n} refused</source>
        <translation>, {n} recusados</translation>
    </message>
</context>
<context>
    <name>DiagnosticsCoordinator</name>
    <message>
        <location filename="../diagnostics.py" line="101"/>
        <location filename="../diagnostics.py" line="109"/>
        <source>No vehicle adapter (Settings)</source>
        <translation>Sem adaptador do veículo (Definições)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="112"/>
        <source>Assessment closed: no CAN log</source>
        <translation>Avaliação fechada: sem registo CAN</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="114"/>
        <source>Connecting to the vehicle adapter…</source>
        <translation>A ligar ao adaptador…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="153"/>
        <source>Vehicle adapter not available</source>
        <translation>Adaptador indisponível</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="174"/>
        <source>CAN log closed</source>
        <translation>Registo CAN fechado</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="211"/>
        <source>DTC snapshot: {what}</source>
        <translation>Instantâneo de DTC: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="213"/>
        <source>signal check: {what}</source>
        <translation>verificação de sinais: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="215"/>
        <source>Needed before a pass: {what}</source>
        <translation>Necessário antes de aprovar: {what}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="241"/>
        <source>Reading the vehicle…</source>
        <translation>A ler o veículo…</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="251"/>
        <source>Checking the signals…</source>
        <translation>A verificar os sinais…</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../diagnostics.py" line="40"/>
        <source>Vehicle adapter status</source>
        <translation>Estado do adaptador</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="41"/>
        <source>DTC snapshot (D)</source>
        <translation>Instantâneo DTC (D)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="42"/>
        <source>Check signals (C)</source>
        <translation>Verificar sinais (C)</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="44"/>
        <source>Diagnostics of this step</source>
        <translation>Diagnóstico deste passo</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="69"/>
        <source>Vehicle adapter lost: {device}</source>
        <translation>Adaptador perdido: {device}</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="73"/>
        <source> · {n} frames lost</source>
        <translation> · {n} tramas perdidas</translation>
    </message>
    <message>
        <location filename="../diagnostics.py" line="75"/>
        <source>CAN log: {device} · {fps} frames/s ({pct}%)</source>
        <translation>Registo CAN: {device} · {fps} tramas/s ({pct} %)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="36"/>
        <source>Search candidate, checklist, VIN, workshop</source>
        <translation>Pesquisar candidato, lista de verificação, VIN, oficina</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="37"/>
        <source>Search assessments</source>
        <translation>Pesquisar avaliações</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="39"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="41"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="41"/>
        <source>In progress</source>
        <translation>Em curso</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Finished</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="42"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="43"/>
        <source>Sealed</source>
        <translation>Selada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="43"/>
        <source>Synced</source>
        <translation>Sincronizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="47"/>
        <source>&amp;New assessment</source>
        <translation>&amp;Nova avaliação</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="48"/>
        <source>&amp;Resume</source>
        <translation>&amp;Retomar</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="50"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Definições</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Updated</source>
        <translation>Atualizada</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="53"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="54"/>
        <source>Checklist</source>
        <translation>Lista de verificação</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="54"/>
        <source>Vehicle</source>
        <translation>Veículo</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="106"/>
        <source>%n assessment(s) in progress: select one and press Resume.</source>
        <translation>
            <numerusform>%n avaliação em curso: selecione-a e prima Retomar.</numerusform>
            <numerusform>%n avaliações em curso: selecione uma e prima Retomar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="35"/>
        <location filename="../main_window.py" line="295"/>
        <source>Assessor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="59"/>
        <source>Offline</source>
        <translation>Sem ligação</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="60"/>
        <source>Outbox: 0</source>
        <translation>Por enviar: 0</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>unavailable: {reason}</source>
        <translation>indisponível: {reason}</translation>
    </message>
</context>
<context>
    <name>NewAssessmentPage</name>
    <message>
        <location filename="../pages/new_assessment.py" line="46"/>
        <source>Pseudonymous id, e.g. L-017</source>
        <translation>Identificador pseudónimo, p. ex. L-017</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="47"/>
        <source>Name (optional)</source>
        <translation>Nome (opcional)</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="53"/>
        <source>17 characters</source>
        <translation>17 caracteres</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="56"/>
        <source>The candidate consents to video recording</source>
        <translation>O candidato autoriza a gravação em vídeo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="58"/>
        <source>&amp;Start assessment</source>
        <translation>&amp;Iniciar avaliação</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="59"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="61"/>
        <location filename="../pages/new_assessment.py" line="76"/>
        <source>Candidate id</source>
        <translation>ID do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="61"/>
        <location filename="../pages/new_assessment.py" line="77"/>
        <source>Candidate name</source>
        <translation>Nome do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="62"/>
        <location filename="../pages/new_assessment.py" line="78"/>
        <source>Assessor</source>
        <translation>Avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="62"/>
        <location filename="../pages/new_assessment.py" line="79"/>
        <source>Workshop</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="63"/>
        <location filename="../pages/new_assessment.py" line="80"/>
        <source>Checklist</source>
        <translation>Lista de verificação</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="63"/>
        <location filename="../pages/new_assessment.py" line="82"/>
        <source>Parameter set</source>
        <translation>Conjunto de parâmetros</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <location filename="../pages/new_assessment.py" line="83"/>
        <source>Vehicle VIN</source>
        <translation>VIN do veículo</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="64"/>
        <location filename="../pages/new_assessment.py" line="84"/>
        <source>Working voltage</source>
        <translation>Tensão de trabalho</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="110"/>
        <source>Gateway: {gateway} · version {version} · {steps} steps
Prerequisites: {prereqs}</source>
        <translation>Nível: {gateway} · versão {version} · {steps} passos
Pré-requisitos: {prereqs}</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="112"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>candidate id</source>
        <translation>ID do candidato</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="124"/>
        <source>assessor</source>
        <translation>avaliador</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="125"/>
        <source>workshop</source>
        <translation>oficina</translation>
    </message>
    <message>
        <location filename="../pages/new_assessment.py" line="129"/>
        <source>Please fill in: {fields}</source>
        <translation>Falta preencher: {fields}</translation>
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
        <location filename="../pages/provider_settings.py" line="40"/>
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
        <location filename="../pages/provider_settings.py" line="48"/>
        <location filename="../pages/provider_settings.py" line="58"/>
        <source>Assessor id</source>
        <translation>Id de avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="50"/>
        <location filename="../pages/provider_settings.py" line="59"/>
        <source>Assessor code</source>
        <translation>Código de avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="52"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="53"/>
        <source>Bind my key</source>
        <translation>Associar a minha chave</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="55"/>
        <location filename="../pages/provider_settings.py" line="120"/>
        <source>No assessor has bound a key on this workstation.</source>
        <translation>Nenhum avaliador associou uma chave neste posto.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="56"/>
        <source>Assessors bound on this workstation</source>
        <translation>Avaliadores associados neste posto</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="60"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="77"/>
        <source>Fill in the provider address and the enrollment code.</source>
        <translation>Preencha o endereço da entidade e o código de inscrição.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="80"/>
        <source>Enrolling…</source>
        <translation>A inscrever…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="86"/>
        <source>Enrolled with {url} as {workshop}. Provider key: {key}</source>
        <translation>Inscrito em {url} como {workshop}. Chave da entidade: {key}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="91"/>
        <source>Not enrolled: {reason}</source>
        <translation>Não inscrito: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="98"/>
        <source>Fill in your assessor id, the assessor code and your PIN.</source>
        <translation>Preencha o seu id de avaliador, o código de avaliador e o seu PIN.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="101"/>
        <source>Binding your key…</source>
        <translation>A associar a sua chave…</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="108"/>
        <source>Bound: {name} ({id}), {qualification}, valid through {expires}.</source>
        <translation>Associado: {name} ({id}), {qualification}, válida até {expires}.</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="115"/>
        <source>Not bound: {reason}</source>
        <translation>Não associado: {reason}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="126"/>
        <source>NOT ACCEPTED: {problem}</source>
        <translation>NÃO ACEITE: {problem}</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="127"/>
        <source>accepted by the provider</source>
        <translation>aceite pela entidade</translation>
    </message>
    <message>
        <location filename="../pages/provider_settings.py" line="128"/>
        <source>{id} ({name}): {qualification} through {expires}; {state} (checked {when})</source>
        <translation>{id} ({name}): {qualification}, válida até {expires}; {state} (verificado {when})</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="35"/>
        <source>Missing or incomplete evidence</source>
        <translation>Evidências em falta ou incompletas</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="37"/>
        <location filename="../pages/review.py" line="38"/>
        <source>Assessor&apos;s name</source>
        <translation>Nome do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="39"/>
        <source>Sign off</source>
        <translation>Assinar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="40"/>
        <source>&amp;Finish assessment</source>
        <translation>&amp;Concluir avaliação</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="41"/>
        <source>Back to steps (Esc)</source>
        <translation>Voltar aos passos (Esc)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="42"/>
        <source>Home</source>
        <translation>Início</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="43"/>
        <source>Assessor&apos;s PIN to seal</source>
        <translation>PIN do avaliador para selar</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="45"/>
        <source>Assessor&apos;s PIN</source>
        <translation>PIN do avaliador</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="46"/>
        <source>S&amp;eal evidence</source>
        <translation>S&amp;elar evidências</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="55"/>
        <source>Behavioural rubric</source>
        <translation>Rubrica de comportamento</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="89"/>
        <source>Outcome: {o}</source>
        <translation>Resultado: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="90"/>
        <source>Outcome so far: {o}</source>
        <translation>Resultado provisório: {o}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="94"/>
        <source>Missing or incomplete evidence: {items}</source>
        <translation>Evidências em falta ou incompletas: {items}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="98"/>
        <source>All evidence the checklist asks for is recorded.</source>
        <translation>Todas as evidências exigidas pela lista de verificação estão registadas.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="107"/>
        <source>not scored</source>
        <translation>sem pontuação</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="114"/>
        <source>Signed off by {n}</source>
        <translation>Assinado por {n}</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="128"/>
        <source>Sealed: {path}</source>
        <translation>Selado: {path}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../pages/run.py" line="69"/>
        <source>Steps</source>
        <translation>Passos</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="80"/>
        <source>Reason (needed for N/A; useful for a fail)</source>
        <translation>Motivo (obrigatório se não aplicável; útil se reprovado)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="81"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="82"/>
        <source>Note on this step</source>
        <translation>Nota sobre este passo</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="83"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="84"/>
        <source>Add note</source>
        <translation>Adicionar nota</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="85"/>
        <source>Start step (S)</source>
        <translation>Iniciar passo (S)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="86"/>
        <source>Pass (Space)</source>
        <translation>Aprovado (Space)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="87"/>
        <source>Fail (F)</source>
        <translation>Reprovado (F)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="88"/>
        <source>N/A (N)</source>
        <translation>Não aplicável (N)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="89"/>
        <source>Review (R)</source>
        <translation>Rever (R)</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="184"/>
        <source>Risk: {risk} · evidence: {evidence}</source>
        <translation>Risco: {risk} · evidências: {evidence}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="188"/>
        <source>Pass criterion: {c}</source>
        <translation>Critério de aprovação: {c}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="214"/>
        <source>Record</source>
        <translation>Registar</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="245"/>
        <source>in range ✔</source>
        <translation>dentro do intervalo ✔</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="245"/>
        <source>OUT OF RANGE ✘</source>
        <translation>FORA DO INTERVALO ✘</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="259"/>
        <source>Wait over</source>
        <translation>Espera concluída</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="263"/>
        <source>{what}: {time} left</source>
        <translation>{what}: faltam {time}</translation>
    </message>
    <message>
        <location filename="../pages/run.py" line="304"/>
        <source>{label}: enter a number, e.g. 0.4 or 0.4 {unit}</source>
        <translation>{label}: introduza um número, p. ex. 0,4 ou 0,4 {unit}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="54"/>
        <location filename="../pages/settings.py" line="67"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="59"/>
        <location filename="../pages/settings.py" line="71"/>
        <location filename="../pages/settings.py" line="161"/>
        <source>Data folder</source>
        <translation>Pasta de dados</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="60"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="61"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="62"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="65"/>
        <source>General (applies when the app is next started)</source>
        <translation>Geral (aplica-se no próximo arranque da aplicação)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="72"/>
        <source>Devices (apply to the next assessment opened)</source>
        <translation>Dispositivos (aplicam-se à próxima avaliação aberta)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="75"/>
        <location filename="../pages/settings.py" line="85"/>
        <source>Camera</source>
        <translation>Câmara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="76"/>
        <source>No camera</source>
        <translation>Sem câmara</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="77"/>
        <source>Simulated camera (test pattern)</source>
        <translation>Câmara simulada (padrão de teste)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="79"/>
        <source>Camera {name}</source>
        <translation>Câmara {name}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="81"/>
        <source>Find cameras</source>
        <translation>Procurar câmaras</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="87"/>
        <location filename="../pages/settings.py" line="107"/>
        <source>Vehicle adapter</source>
        <translation>Adaptador do veículo</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="88"/>
        <source>No vehicle adapter</source>
        <translation>Sem adaptador</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="89"/>
        <source>Simulated EV (virtual CAN bus)</source>
        <translation>VE simulado (barramento CAN virtual)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="94"/>
        <source>Find adapters</source>
        <translation>Procurar adaptadores</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="99"/>
        <location filename="../pages/settings.py" line="108"/>
        <source>Bit rate</source>
        <translation>Taxa de bits</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="103"/>
        <source>Listen only (never transmit on the bus)</source>
        <translation>Só escuta (nunca transmite no barramento)</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="105"/>
        <source>Test connection</source>
        <translation>Testar ligação</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="116"/>
        <source>This workstation</source>
        <translation>Este posto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="118"/>
        <source>not created yet</source>
        <translation>ainda não criada</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="120"/>
        <source>Workstation key fingerprint</source>
        <translation>Impressão digital da chave do posto</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="122"/>
        <source>Signing key fingerprint</source>
        <translation>Impressão digital da chave de assinatura</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="123"/>
        <source>The training provider compares this with the key it enrolled for this workstation.</source>
        <translation>A entidade formadora compara-a com a chave que registou para este posto.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="157"/>
        <source>Looking for cameras (a few seconds)…</source>
        <translation>A procurar câmaras (alguns segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="181"/>
        <source>Looking for vehicle adapters (a few seconds)…</source>
        <translation>A procurar adaptadores (alguns segundos)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="190"/>
        <source>{n} adapter(s) found.</source>
        <translation>Adaptadores encontrados: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="196"/>
        <source>Choose a vehicle adapter first.</source>
        <translation>Escolha primeiro um adaptador.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="199"/>
        <source>Testing the connection (2 s)…</source>
        <translation>A testar a ligação (2 s)…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="212"/>
        <source>{n} camera(s) found.</source>
        <translation>Câmaras encontradas: {n}.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="215"/>
        <source>Saved to {path}. Restart the app to apply.</source>
        <translation>Guardado em {path}. Reinicie a aplicação para aplicar as alterações.</translation>
    </message>
</context>
<context>
    <name>VideoCoordinator</name>
    <message>
        <location filename="../video.py" line="120"/>
        <source>No assessment open</source>
        <extracomment>an unexpected error, for the window&apos;s crash handling (a signal: no reference to the window)</extracomment>
        <translation>Nenhuma avaliação aberta</translation>
    </message>
    <message>
        <location filename="../video.py" line="129"/>
        <source>Assessment closed: no recording</source>
        <translation>Avaliação fechada: sem gravação</translation>
    </message>
    <message>
        <location filename="../video.py" line="132"/>
        <source>Not recording: no consent to video</source>
        <translation>Sem gravar: sem consentimento de vídeo</translation>
    </message>
    <message>
        <location filename="../video.py" line="135"/>
        <source>No camera chosen (Settings)</source>
        <translation>Nenhuma câmara escolhida (Definições)</translation>
    </message>
    <message>
        <location filename="../video.py" line="137"/>
        <source>Starting the camera…</source>
        <translation>A iniciar a câmara…</translation>
    </message>
    <message>
        <location filename="../video.py" line="164"/>
        <source>Camera not available</source>
        <translation>Câmara indisponível</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../video.py" line="47"/>
        <source>Camera preview</source>
        <translation>Pré-visualização da câmara</translation>
    </message>
    <message>
        <location filename="../video.py" line="49"/>
        <source>Recording status</source>
        <translation>Estado da gravação</translation>
    </message>
    <message>
        <location filename="../video.py" line="50"/>
        <location filename="../video.py" line="102"/>
        <source>Pause recording (V)</source>
        <translation>Pausar gravação (V)</translation>
    </message>
    <message>
        <location filename="../video.py" line="83"/>
        <source> · {n} frames dropped</source>
        <translation> · {n} imagens perdidas</translation>
    </message>
    <message>
        <location filename="../video.py" line="86"/>
        <source>● REC {time} · {size}</source>
        <translation>● GRAV {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="89"/>
        <source>Paused at {time} · {size}</source>
        <translation>Em pausa em {time} · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="92"/>
        <source>Camera lost: waiting for it to come back</source>
        <translation>Câmara perdida: à espera que volte</translation>
    </message>
    <message>
        <location filename="../video.py" line="95"/>
        <source>Recorded {time} in {n} segments · {size}</source>
        <translation>Gravado {time} em {n} segmentos · {size}</translation>
    </message>
    <message>
        <location filename="../video.py" line="101"/>
        <source>Resume recording (V)</source>
        <translation>Retomar gravação (V)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../window.py" line="59"/>
        <source>Assessor is already open on this computer.</source>
        <translation>O Assessor já está aberto neste computador.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>competent</source>
        <translation>competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>not yet competent</source>
        <translation>ainda não competente</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>incomplete</source>
        <translation>incompleta</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>abandoned</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>in progress</source>
        <translation>em curso</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>stopped</source>
        <translation>parada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>finished</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>sealed</source>
        <translation>selada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>synced</source>
        <translation>sincronizada</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>high</source>
        <translation>elevado</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>standard</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>foundational electrical safety</source>
        <translation>segurança elétrica básica</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>HV maintenance (non-live)</source>
        <translation>manutenção AT (sem tensão)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>EV/hybrid work incl. de-energising</source>
        <translation>trabalhos em VE/híbridos incl. desenergização</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>live work</source>
        <translation>trabalhos em tensão</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>photo</source>
        <translation>fotografia</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>measurement</source>
        <translation>medição</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>CAN/OBD log</source>
        <translation>registo CAN/OBD</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>observation</source>
        <translation>observação</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>sign-off</source>
        <translation>assinatura</translation>
    </message>
</context>
</TS>
